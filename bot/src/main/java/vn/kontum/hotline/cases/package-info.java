@NullMarked
package vn.kontum.hotline.cases;

import org.jspecify.annotations.NullMarked;
