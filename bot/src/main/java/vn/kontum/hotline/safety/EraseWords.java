package vn.kontum.hotline.safety;

import java.util.regex.Pattern;

/**
 * What she may add to the erase word, the whole message being the request: "xoá hết", "xoá đi", "xoá tin nhắn",
 * "xóa hết tin nhắn đi", "xoa giup e", "xoa het di nha". On the folded text (lower case, no diacritics, single spaces), read by the bot and by the
 * chat page alike, so that the page forgets its thread whenever the hotline erases the conversation.
 */
public final class EraseWords {

    /**
     * Each part optional, in this order, the last one to three words ("xoa het di nha", "xoa giup e voi"); a regular
     * expression both Java and the page's script read.
     */
    public static final String TAIL = "(?: (?:het|tat ca))?(?: (?:tin nhan|cuoc tro chuyen))?"
            + "(?: (?:di|nhe|nha|ngay|voi|a|ak|giup|gium|dum|em|e|minh|toi|chi)){0,3}$";

    private static final Pattern AT_END = Pattern.compile(TAIL);

    private EraseWords() {
    }

    /** The folded message without what she added after the erase word: the word itself, if that is what it is. */
    public static String withoutTail(String folded) {
        return AT_END.matcher(folded).replaceFirst("");
    }
}
