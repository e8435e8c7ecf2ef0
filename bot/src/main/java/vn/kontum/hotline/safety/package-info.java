/**
 * The survivor's safety: erasing a conversation when she asks, purging content after a case is closed, and
 * removing the chat from her phone where the platform allows it.
 */
@NullMarked
package vn.kontum.hotline.safety;

import org.jspecify.annotations.NullMarked;
