package vn.kontum.hotline.nlp.text;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FeaturesTest {

    @Test
    void the_topic_model_also_sees_syllables_one_apart_folded_so_a_word_between_them_does_not_hide_the_pair() {
        List<String> syllables = TextNormalizer.standard().syllables("chồng em đánh em");
        String[] base = Features.of(syllables);
        String[] topic = Features.forTopic(syllables);

        assertThat(base).containsExactly("w=chồng", "f=chong", "w=em", "f=em", "w=đánh", "f=danh", "w=em", "f=em",
                "b=chồng_em", "g=chong_em", "b=em_đánh", "g=em_danh", "b=đánh_em", "g=danh_em");
        assertThat(Features.skipBigramCount(syllables)).isEqualTo(2);
        assertThat(Arrays.copyOf(topic, base.length)).as("the urgency model's words first").containsExactly(base);
        assertThat(Arrays.copyOfRange(topic, base.length, topic.length)).containsExactly("s=chong_danh", "s=em_em");
        assertThat(Features.forTopic(TextNormalizer.standard().syllables("ck đánh e")))
                .as("teencode expanded first").contains("s=chong_em");
    }

    @Test
    void short_messages_have_no_skip_bigrams() {
        assertThat(Features.forTopic(List.of())).isEmpty();
        assertThat(Features.forTopic(List.of("cứu"))).containsExactly(Features.of(List.of("cứu")));
        assertThat(Features.forTopic(List.of("cứu", "em"))).containsExactly(Features.of(List.of("cứu", "em")));
        assertThat(Features.skipBigramCount(List.of("cứu", "em"))).isZero();
    }
}
