/** Prepared answers: kept by coordinators, offered to officers on a case's page as a start for their reply. */
@NullMarked
package vn.kontum.hotline.admin.canned;

import org.jspecify.annotations.NullMarked;
