@NullMarked
package vn.kontum.hotline.directory;

import org.jspecify.annotations.NullMarked;
