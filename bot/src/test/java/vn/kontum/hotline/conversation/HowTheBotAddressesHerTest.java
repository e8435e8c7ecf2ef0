package vn.kontum.hotline.conversation;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bot calls whoever writes "bạn", every time (why: the top of messages_vi.properties): never "chị" or "em" in what
 * the writer reads, the bot's replies, its buttons, the web chat page and its errors, and the shipped answers to
 * common questions. The words still have their other senses: "chị gái", "em gái", "em trai", "em bé", "trẻ em",
 * "chị em" (sisters, women together), "anh em". The officers' pages speak of her as "chị ấy", to officers: not checked.
 */
class HowTheBotAddressesHerTest {

    /** The texts the writer reads, by the start of their key. */
    private static final List<String> HERS = List.of("reply.", "choice.", "chat.", "error.");
    private static final Set<String> AFTER_CHI = Set.of("gái", "em", "dâu");
    private static final Set<String> BEFORE_EM = Set.of("trẻ", "chị", "anh");
    private static final Set<String> AFTER_EM = Set.of("gái", "trai", "bé");

    @Test
    void the_bots_own_texts_call_her_ban_never_chi_or_em() {
        Map<String, String> texts = new TreeMap<>();
        bundle("/messages_vi.properties").forEach((key, text) -> {
            if (HERS.stream().anyMatch(((String) key)::startsWith)) {
                texts.put((String) key, (String) text);
            }
        });
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> entries = (List<Map<String, Object>>) faq().get("entries");
        for (int i = 0; i < entries.size(); i++) {
            texts.put("faq " + (i + 1) + " question", String.valueOf(entries.get(i).get("question")));
            texts.put("faq " + (i + 1) + " answer", String.valueOf(entries.get(i).get("answer")));
        }
        assertThat(texts).hasSizeGreaterThan(60);
        assertThat(texts.values()).as("the bot speaks to her").anyMatch(t -> words(t).contains("bạn"));

        List<String> wrong = new ArrayList<>();
        texts.forEach((key, text) -> addresses(text).forEach(at -> wrong.add(key + ": ..." + at + "...")));
        assertThat(wrong).isEmpty();
    }

    @Test
    void the_rule_tells_her_apart_from_a_sister_a_child_or_a_baby() {
        assertThat(addresses("Chị hãy hỏi trạm y tế xã.")).hasSize(1);
        assertThat(addresses("Cán bộ sẽ giúp chị.")).hasSize(1);
        assertThat(addresses("Em cứ nhắn, cán bộ sẽ trả lời em.")).hasSize(2);
        assertThat(addresses("111 (Tổng đài bảo vệ trẻ em); chị gái, em trai, em bé, chị em trong thôn, anh em")).isEmpty();
        assertThat(addresses("chi phí, chỉ cán bộ, chi hội trưởng, thêm")).isEmpty();
    }

    /** Where the text calls its reader "chị" or "em": the word, with its neighbours. */
    static List<String> addresses(String text) {
        List<String> words = words(text);
        List<String> found = new ArrayList<>();
        for (int i = 0; i < words.size(); i++) {
            String before = i > 0 ? words.get(i - 1) : "";
            String after = i + 1 < words.size() ? words.get(i + 1) : "";
            boolean chi = words.get(i).equals("chị") && !AFTER_CHI.contains(after);
            boolean em = words.get(i).equals("em") && !BEFORE_EM.contains(before) && !AFTER_EM.contains(after);
            if (chi || em) {
                found.add(String.join(" ", words.subList(Math.max(0, i - 3), Math.min(words.size(), i + 4))));
            }
        }
        return found;
    }

    private static List<String> words(String text) {
        String clean = Normalizer.normalize(text, Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
        return List.of(clean.split("[^\\p{L}\\p{M}]+")).stream().filter(w -> !w.isEmpty()).toList();
    }

    private static Map<String, Object> faq() {
        try (InputStream in = HowTheBotAddressesHerTest.class.getResourceAsStream("/knowledge/faq-vi.yml")) {
            return new Yaml().load(in);
        } catch (IOException e) {
            throw new IllegalStateException("faq-vi.yml", e);
        }
    }

    private static Properties bundle(String resource) {
        Properties out = new Properties();
        try (InputStream in = HowTheBotAddressesHerTest.class.getResourceAsStream(resource)) {
            out.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(resource, e);
        }
        return out;
    }
}
