@NullMarked
package vn.kontum.hotline.routing;

import org.jspecify.annotations.NullMarked;
