package vn.kontum.hotline.nlp.text;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import vn.kontum.hotline.nlp.MessageClassifier;
import vn.kontum.hotline.nlp.training.Corpus;
import vn.kontum.hotline.nlp.training.Sample;

import static org.assertj.core.api.Assertions.assertThat;

class SmallTalkTest {

    private static final SmallTalk SMALL_TALK = SmallTalk.standard();
    private static final TextNormalizer NORMALIZER = TextNormalizer.standard();
    private static final MessageClassifier CLASSIFIER = MessageClassifier.bundled();

    /** What women write after the bot's answer, or to open a chat; each was read urgent before small talk was known. */
    @ParameterizedTest
    @ValueSource(strings = {"dạ vâng", "23", "2", "dạ", "chị ơi", "c ơi", "vâng", "ừ", "em đây", "dạ rồi ạ", "được rồi",
            "vang a", "Dạ em cảm ơn chị ạ!", "alo alo", "ok chị"})
    void small_talk_alone_is_not_urgent(String text) {
        assertThat(SMALL_TALK.only(NORMALIZER.syllables(text))).isTrue();
        assertThat(CLASSIFIER.classify(text).urgent()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"chị ơi cứu em", "ck danh", "co dao", "ngất rồi", "cuu e", "dạ chồng em lại đánh em rồi",
            "em sợ quá chị ơi", "dạ nó đang đuổi theo em"})
    void a_word_of_danger_among_small_talk_is_still_read(String text) {
        assertThat(SMALL_TALK.only(NORMALIZER.syllables(text))).isFalse();
        assertThat(CLASSIFIER.classify(text).urgent()).isTrue();
    }

    /** The list must never silence a real emergency: every urgent message the project holds has a word besides. */
    @Test
    void no_urgent_message_of_the_corpus_or_the_held_out_sets_is_small_talk() throws IOException {
        List<Sample> samples = new ArrayList<>(Corpus.read(Path.of("corpus")).samples());
        samples.addAll(Corpus.read(Path.of("heldout")).samples());
        assertThat(samples).hasSizeGreaterThan(5000);
        assertThat(samples.stream().filter(Sample::urgent).map(Sample::text)
                .filter(text -> SMALL_TALK.only(NORMALIZER.syllables(text)))).isEmpty();
    }

    /** Typed without accents, these words of small talk spell harm too: the model reads them. */
    @ParameterizedTest
    @ValueSource(strings = {"anh da em", "co ban", "con roi", "day em", "anh toi"})
    void unaccented_words_that_may_spell_harm_are_not_small_talk(String text) {
        assertThat(SMALL_TALK.only(NORMALIZER.syllables(text))).isFalse();
    }

    @Test
    void nothing_is_not_small_talk() {
        assertThat(SMALL_TALK.only(List.of())).isFalse();
    }
}
