/** The routing rules page: coordinators decide which service point takes which category, where. */
@NullMarked
package vn.kontum.hotline.admin.routing;

import org.jspecify.annotations.NullMarked;
