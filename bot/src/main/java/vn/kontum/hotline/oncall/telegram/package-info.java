/**
 * The bot's side of on-call work: officers' link commands and "Đã nhận" buttons, taken before intake so that
 * they never open a case, and alerts sent to officers' chats.
 */
@NullMarked
package vn.kontum.hotline.oncall.telegram;

import org.jspecify.annotations.NullMarked;
