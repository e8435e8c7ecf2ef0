@NullMarked
package vn.kontum.hotline.channel.telegram;

import org.jspecify.annotations.NullMarked;
