package vn.kontum.hotline.conversation;

import java.util.List;

import vn.kontum.hotline.delivery.Choice;

/** One message from the bot: its text, the buttons under it, and whether it may go out at any hour. */
record Reply(String text, List<Choice> choices, boolean urgent) {
}
