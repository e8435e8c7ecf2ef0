package vn.kontum.hotline.delivery;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A button offered with a reply. {@code data} comes back when it is pressed (Telegram's callback data, the web
 * chat's button); {@code label} is what the woman sees. Stored with the reply, one {@code data|label} per line.
 */
public record Choice(String data, String label) {

    /** Telegram takes at most 64 bytes of callback data; ids in the directory are short. */
    public static final int MAX_DATA_BYTES = 64;

    public Choice {
        if (data.contains("|") || data.contains("\n") || label.contains("\n")) {
            throw new IllegalArgumentException("a choice's data and label are one line each, data without '|'");
        }
        if (data.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > MAX_DATA_BYTES) {
            throw new IllegalArgumentException("choice data longer than " + MAX_DATA_BYTES + " bytes: " + data);
        }
    }

    public static @Nullable String store(List<Choice> choices) {
        if (choices.isEmpty()) {
            return null;
        }
        StringBuilder out = new StringBuilder();
        for (Choice c : choices) {
            out.append(out.isEmpty() ? "" : "\n").append(c.data()).append('|').append(c.label());
        }
        return out.toString();
    }

    public static List<Choice> read(@Nullable String stored) {
        if (stored == null || stored.isBlank()) {
            return List.of();
        }
        List<Choice> out = new ArrayList<>();
        for (String line : stored.split("\n")) {
            int bar = line.indexOf('|');
            if (bar > 0) {
                out.add(new Choice(line.substring(0, bar), line.substring(bar + 1)));
            }
        }
        return List.copyOf(out);
    }
}
