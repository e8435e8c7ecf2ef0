@NullMarked
package vn.kontum.hotline.delivery;

import org.jspecify.annotations.NullMarked;
