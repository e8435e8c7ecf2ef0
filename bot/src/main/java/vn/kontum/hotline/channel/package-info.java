@NullMarked
package vn.kontum.hotline.channel;

import org.jspecify.annotations.NullMarked;
