@NullMarked
package vn.kontum.hotline.intake;

import org.jspecify.annotations.NullMarked;
