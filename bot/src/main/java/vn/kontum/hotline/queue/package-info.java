@NullMarked
package vn.kontum.hotline.queue;

import org.jspecify.annotations.NullMarked;
