/** The officer's inbox: the cases of their service points, most pressing first. */
@NullMarked
package vn.kontum.hotline.admin.inbox;

import org.jspecify.annotations.NullMarked;
