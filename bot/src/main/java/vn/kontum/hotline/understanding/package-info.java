@NullMarked
package vn.kontum.hotline.understanding;

import org.jspecify.annotations.NullMarked;
