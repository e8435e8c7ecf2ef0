/** One case: its conversation, the officer's reply, private notes and what officers do to the case, each recorded. */
@NullMarked
package vn.kontum.hotline.admin.casefile;

import org.jspecify.annotations.NullMarked;
