/** The knowledge page: coordinators keep the answers to common questions that the conversation offers. */
@NullMarked
package vn.kontum.hotline.admin.knowledge;

import org.jspecify.annotations.NullMarked;
