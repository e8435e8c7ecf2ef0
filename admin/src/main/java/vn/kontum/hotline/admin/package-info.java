/** The officers' and the Women's Union's pages. */
@NullMarked
package vn.kontum.hotline.admin;

import org.jspecify.annotations.NullMarked;
