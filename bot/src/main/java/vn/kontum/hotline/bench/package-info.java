@NullMarked
package vn.kontum.hotline.bench;

import org.jspecify.annotations.NullMarked;
