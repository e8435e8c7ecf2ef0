@NullMarked
package vn.kontum.hotline.conversation;

import org.jspecify.annotations.NullMarked;
