package vn.kontum.hotline.understanding;

import org.junit.jupiter.api.Test;

import vn.kontum.hotline.nlp.Classification;
import vn.kontum.hotline.nlp.Topic;

import static org.assertj.core.api.Assertions.assertThat;

class RecentClassificationsTest {

    private final RecentClassifications recent = new RecentClassifications();
    private final Classification violence = new Classification(Topic.VIOLENCE, 0.93, true, "vi-test");

    @Test
    void the_worker_finds_what_the_intake_made_of_the_message_once() {
        recent.remember(42, violence);
        assertThat(recent.take(42)).contains(violence);
        assertThat(recent.take(42)).isEmpty();
    }

    @Test
    void a_message_never_seen_here_is_not_found() {
        recent.remember(42, violence);
        assertThat(recent.take(43)).isEmpty();
        assertThat(recent.take(42)).contains(violence);
    }

    @Test
    void a_much_later_message_takes_the_slot_and_the_old_one_is_classified_again() {
        recent.remember(42, violence);
        recent.remember(42 + (1 << 14), new Classification(Topic.OTHER, 0.2, false, "vi-test"));
        assertThat(recent.take(42)).isEmpty();
        assertThat(recent.take(42 + (1 << 14))).map(Classification::topic).contains(Topic.OTHER);
    }
}
