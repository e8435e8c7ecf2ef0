package vn.kontum.hotline.oncall;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.crypto.password.PasswordEncoder;

import vn.kontum.hotline.accounts.Accounts;
import vn.kontum.hotline.support.HotlineIntegrationTest;
import vn.kontum.hotline.support.OfficerClient;
import vn.kontum.hotline.support.Officers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** An officer links their own Telegram chat with a one-time code from "Tài khoản của tôi"; a link command never opens a case. */
class OfficerLinkingTest extends HotlineIntegrationTest {

    private static final Pattern CODE = Pattern.compile("/link ([A-Z0-9]{10})");

    @Autowired
    Accounts accounts;
    @Autowired
    PasswordEncoder encoder;

    @BeforeEach
    void ensureOfficer() {
        Officers.ensure(accounts, encoder, jdbc, "link-officer", "pw-link-officer", "Chị Liên Kết", Officers.WOMENS_UNION);
    }

    private OfficerClient officer() {
        return OfficerClient.loggedIn(url(""), "link-officer", "pw-link-officer");
    }

    private static String newCode(OfficerClient officer) {
        String page = officer.submit("/admin/me/telegram-code", java.util.Map.of()).body();
        Matcher m = CODE.matcher(page);
        assertThat(m.find()).as("the page shows the code once").isTrue();
        assertThat(page).contains("https://t.me/hotline_test_bot?start=" + m.group(1));
        return m.group(1);
    }

    @Test
    void a_valid_code_links_the_chat_and_the_bot_says_so_without_opening_a_case() {
        long chat = 760_001;
        OfficerClient officer = officer();
        assertThat(officer.get("/admin/me").body()).contains("Liên kết Telegram").contains("Chưa liên kết Telegram.");
        String code = newCode(officer);
        assertThat(jdbc.sql("select count(*) from officer_link_code where code_hash = :c").param("c", code).query(Long.class).single())
                .as("only the hash is stored").isZero();

        TELEGRAM.userWrites(chat, "Liên", "/link " + code);

        await().atMost(Duration.ofSeconds(20)).until(() -> !TELEGRAM.sentTo(chat).isEmpty());
        assertThat(TELEGRAM.sentTo(chat).getFirst().text()).startsWith("Đã liên kết tài khoản link-officer");
        assertThat(jdbc.sql("""
                        select o.chat_id from officer_chat o join account a on a.id = o.account_id
                        where a.username = 'link-officer' and o.channel = 'telegram'""").query(String.class).single())
                .isEqualTo(Long.toString(chat));
        assertNoCase(chat);
        assertThat(officer.get("/admin/me").body()).contains("Đã liên kết Telegram lúc");

        // Anything else the officer writes from the linked chat is not a woman's message either.
        TELEGRAM.userWrites(chat, "Liên", "em nhận rồi ạ");
        await().atMost(Duration.ofSeconds(20)).until(() -> TELEGRAM.sentTo(chat).size() == 2);
        assertThat(TELEGRAM.sentTo(chat).get(1).text()).startsWith("Đây là Telegram cán bộ");
        assertNoCase(chat);

        // Single use: the same code again is refused, still without a case.
        TELEGRAM.userWrites(760_002, "Ai đó", "/link " + code);
        await().atMost(Duration.ofSeconds(20)).until(() -> !TELEGRAM.sentTo(760_002).isEmpty());
        assertThat(TELEGRAM.sentTo(760_002).getFirst().text()).startsWith("Mã liên kết không đúng hoặc đã hết hạn");
        assertNoCase(760_002);
    }

    @Test
    void the_deep_link_form_start_code_links_too() {
        long chat = 760_003;
        String code = newCode(officer());
        TELEGRAM.userWrites(chat, "Liên", "/start " + code);
        await().atMost(Duration.ofSeconds(20)).until(() -> !TELEGRAM.sentTo(chat).isEmpty());
        assertThat(TELEGRAM.sentTo(chat).getFirst().text()).startsWith("Đã liên kết tài khoản link-officer");
        assertNoCase(chat);
    }

    @Test
    void a_wrong_or_expired_code_is_refused_and_never_opens_a_case() {
        long wrong = 760_004;
        TELEGRAM.userWrites(wrong, "Lạ", "/link ABCDEFGHJK");
        await().atMost(Duration.ofSeconds(20)).until(() -> !TELEGRAM.sentTo(wrong).isEmpty());
        assertThat(TELEGRAM.sentTo(wrong).getFirst().text()).startsWith("Mã liên kết không đúng hoặc đã hết hạn");
        assertNoCase(wrong);

        long empty = 760_005;
        TELEGRAM.userWrites(empty, "Lạ", "/link");
        await().atMost(Duration.ofSeconds(20)).until(() -> !TELEGRAM.sentTo(empty).isEmpty());
        assertThat(TELEGRAM.sentTo(empty).getFirst().text()).startsWith("Hãy gửi: /link");
        assertNoCase(empty);

        long expired = 760_006;
        String code = newCode(officer());
        jdbc.sql("update officer_link_code set expires_at = created_at - interval '1' minute where used_at is null").update();
        TELEGRAM.userWrites(expired, "Liên", "/link " + code);
        await().atMost(Duration.ofSeconds(20)).until(() -> !TELEGRAM.sentTo(expired).isEmpty());
        assertThat(TELEGRAM.sentTo(expired).getFirst().text()).startsWith("Mã liên kết không đúng hoặc đã hết hạn");
        assertNoCase(expired);
        assertThat(jdbc.sql("select count(*) from officer_chat where chat_id = :c").param("c", Long.toString(expired))
                .query(Long.class).single()).isZero();
    }

    @Test
    void a_woman_opening_the_bot_with_plain_start_still_reaches_the_hotline() {
        long chat = 760_007;
        TELEGRAM.userWrites(chat, "Hoa", "/start");
        // The bot's welcome and its topic buttons, not an officer's hint: she is not taken for an officer.
        await().atMost(Duration.ofSeconds(20)).until(() -> !TELEGRAM.sentTo(chat).isEmpty());
        assertThat(TELEGRAM.sentTo(chat).getFirst().text()).startsWith("Xin chào").contains("Bạn cần hỗ trợ về việc gì?");
        assertThat(jdbc.sql("""
                        select count(*) from message m join contact c on c.id = m.contact_id
                        where c.channel = 'telegram' and c.channel_user_id = :chat and m.direction = 'IN' and m.state = 'PROCESSED'""")
                .param("chat", Long.toString(chat)).query(Long.class).single()).isEqualTo(1);
    }

    private void assertNoCase(long chat) {
        assertThat(jdbc.sql("""
                        select count(*) from message m join contact c on c.id = m.contact_id
                        where c.channel = 'telegram' and c.channel_user_id = :chat""")
                .param("chat", Long.toString(chat)).query(Long.class).single()).isZero();
        assertThat(jdbc.sql("select count(*) from contact where channel = 'telegram' and channel_user_id = :chat")
                .param("chat", Long.toString(chat)).query(Long.class).single()).isZero();
    }
}
