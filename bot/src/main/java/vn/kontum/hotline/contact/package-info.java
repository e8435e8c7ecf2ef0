@NullMarked
package vn.kontum.hotline.contact;

import org.jspecify.annotations.NullMarked;
