package vn.kontum.hotline.conversation;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

import vn.kontum.hotline.cases.CaseRef;
import vn.kontum.hotline.cases.Priority;
import vn.kontum.hotline.directory.ServicePoint;
import vn.kontum.hotline.directory.ServicePointKind;

import static org.assertj.core.api.Assertions.assertThat;

class ReplyComposerTest {

    private final ReplyComposer replies = new ReplyComposer(bundles());
    private final CaseRef caseRef = new CaseRef(7, true, "violence", Priority.NORMAL,
            new ServicePoint("hlhpn-thanh-pho", ServicePointKind.WOMENS_UNION, "Hội LHPN thành phố", null, "0260 3862 123"));

    @Test
    void out_of_hours_she_is_told_the_hour_and_day_a_person_answers_in_kon_tum_time() {
        // 00:30 UTC on 5 January is 07:30 in Kon Tum (UTC+7).
        Reply reply = replies.person(caseRef, OffsetDateTime.of(2027, 1, 5, 0, 30, 0, 0, ZoneOffset.UTC), false, ReplyComposer.VIETNAMESE);
        assertThat(reply.text()).contains("cán bộ sẽ trả lời bạn từ 7:30 ngày 05/01.", "113", "111", "115");
    }

    @Test
    void the_hour_and_day_keep_their_two_digits_where_a_reader_expects_them() {
        // 06:05 UTC on 12 November is 13:05 in Kon Tum.
        Reply reply = replies.person(caseRef, OffsetDateTime.of(2026, 11, 12, 6, 5, 0, 0, ZoneOffset.UTC), false, ReplyComposer.VIETNAMESE);
        assertThat(reply.text()).contains("từ 13:05 ngày 12/11.");
    }

    @Test
    void within_hours_nothing_is_said_about_hours() {
        assertThat(replies.person(caseRef, null, false, ReplyComposer.VIETNAMESE).text()).doesNotContain("ngoài giờ");
    }

    private static ResourceBundleMessageSource bundles() {
        ResourceBundleMessageSource source = new ResourceBundleMessageSource();
        source.setBasenames("messages");
        source.setDefaultEncoding("UTF-8");
        source.setFallbackToSystemLocale(false);
        return source;
    }
}
