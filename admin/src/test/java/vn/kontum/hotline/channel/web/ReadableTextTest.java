package vn.kontum.hotline.channel.web;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Which web chat texts have something to read: the others are refused like a blank one. */
class ReadableTextTest {

    @Test
    void a_text_of_only_invisible_characters_has_nothing_to_read() {
        assertThat(ChatApiController.readable("\u200B\u200C\u200D")).isFalse();
        assertThat(ChatApiController.readable("\uFEFF \u2060\u00AD")).isFalse();
        assertThat(ChatApiController.readable("\u0000")).isFalse();
        assertThat(ChatApiController.readable("\uD800")).isFalse();
        assertThat(ChatApiController.readable("\uDC00\n\t\u3000")).isFalse();
        assertThat(ChatApiController.readable("\uFE0F\u034F\u3164\u2800")).isFalse();
    }

    @Test
    void anything_she_can_read_is_a_message() {
        assertThat(ChatApiController.readable("xin chào")).isTrue();
        assertThat(ChatApiController.readable("\u200Bcứu\u200B")).isTrue();
        assertThat(ChatApiController.readable("?")).isTrue();
        assertThat(ChatApiController.readable("\u2764\uFE0F")).as("a heart with its variation selector").isTrue();
        assertThat(ChatApiController.readable("\uD83D\uDC69\u200D\uD83D\uDC67")).as("an emoji joined by ZWJ").isTrue();
        assertThat(ChatApiController.readable("\uFFFD")).isTrue();
    }
}
