/** An officer links their own Telegram chat to their account once, with a one-time code from their console. */
@NullMarked
package vn.kontum.hotline.oncall.link;

import org.jspecify.annotations.NullMarked;
