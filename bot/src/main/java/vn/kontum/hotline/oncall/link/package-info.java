/**
 * An officer links their own Telegram chat or Zalo account to their console account once, with a one-time code
 * from their console.
 */
@NullMarked
package vn.kontum.hotline.oncall.link;

import org.jspecify.annotations.NullMarked;
