package vn.kontum.hotline.nlp.text;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Abbreviations and teencode ("ck" -> "chồng", "ko" -> "không") from the project's dictionary file
 * {@code teencode.tsv}: one entry a line, the short form, a tab, its expansion.
 */
public final class Teencode {

    private final Map<String, List<String>> expansions;

    Teencode(Map<String, List<String>> expansions) {
        this.expansions = Map.copyOf(expansions);
    }

    public static Teencode standard() {
        try (InputStream in = Objects.requireNonNull(Teencode.class.getResourceAsStream("teencode.tsv"), "teencode.tsv")) {
            return read(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Teencode read(InputStream in) throws IOException {
        Map<String, List<String>> map = new HashMap<>();
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        for (String line; (line = reader.readLine()) != null; ) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] parts = line.split("\t");
            if (parts.length != 2) {
                throw new IOException("teencode.tsv: expected 'short<TAB>expansion': " + line);
            }
            map.put(parts[0].trim().toLowerCase(Locale.ROOT), List.of(parts[1].trim().toLowerCase(Locale.ROOT).split("\\s+")));
        }
        return new Teencode(map);
    }

    /** The expansion of a short form, or an empty list when the word is not teencode. */
    public List<String> expand(String word) {
        return expansions.getOrDefault(word, List.of());
    }

    public int size() {
        return expansions.size();
    }
}
