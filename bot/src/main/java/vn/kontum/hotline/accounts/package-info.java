@NullMarked
package vn.kontum.hotline.accounts;

import org.jspecify.annotations.NullMarked;
