/** Officers', coordinators' and administrators' accounts, kept by administrators. */
@NullMarked
package vn.kontum.hotline.admin.accounts;

import org.jspecify.annotations.NullMarked;
