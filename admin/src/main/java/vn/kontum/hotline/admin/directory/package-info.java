/** The directory (communes, villages, service points) as CSV files, exported and imported by administrators. */
@NullMarked
package vn.kontum.hotline.admin.directory;

import org.jspecify.annotations.NullMarked;
