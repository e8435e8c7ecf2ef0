package vn.kontum.hotline.admin.live;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.listener.ChannelTopic;
import org.springframework.data.redis.listener.RedisMessageListenerContainer;
import org.springframework.security.crypto.password.PasswordEncoder;

import vn.kontum.hotline.accounts.Accounts;
import vn.kontum.hotline.accounts.Role;
import vn.kontum.hotline.support.EventStream;
import vn.kontum.hotline.support.HotlineIntegrationTest;
import vn.kontum.hotline.support.OfficerClient;
import vn.kontum.hotline.support.Officers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The officers' live stream ({@code GET /admin/events}): a woman's message on Telegram reaches the stream of an
 * officer of the case's service point, through Redis as it would from another node, and no officer of another
 * service point; nothing on the stream or on Redis carries her words, her name or her chat id.
 */
class ConsoleEventsTest extends HotlineIntegrationTest {

    private static final String VIOLENCE = "chồng em hay đánh em, em sợ lắm";
    private static final String PREGNANCY = "em có bầu 3 tháng rồi thì cần đi khám thai mấy lần ạ";

    @Autowired
    Accounts accounts;
    @Autowired
    PasswordEncoder encoder;
    @Autowired
    RedisConnectionFactory redisConnections;
    @Autowired
    StringRedisTemplate redis;

    @BeforeEach
    void officers() {
        Officers.ensure(accounts, encoder, jdbc, "live-union", "pw-live-union", "Chị Hội", Officers.WOMENS_UNION);
        Officers.ensure(accounts, encoder, jdbc, "live-health", "pw-live-health", "Chị Y Tế", Officers.HEALTH_CENTRE);
        if (jdbc.sql("select count(*) from account where username = 'live-coordinator'").query(Long.class).single() == 0) {
            accounts.create("live-coordinator", encoder.encode("pw-live-coordinator"), "Điều phối", EnumSet.of(Role.COORDINATOR), Set.of());
        }
    }

    @Test
    void a_telegram_message_reaches_the_stream_of_its_service_points_officer_and_none_of_another_without_any_text() {
        List<String> onRedis = new CopyOnWriteArrayList<>();
        RedisMessageListenerContainer otherNode = listen(onRedis);
        try (EventStream union = officer("live-union").events("/admin/events");
             EventStream health = officer("live-health").events("/admin/events")) {
            assertThat(union.status()).isEqualTo(200);
            assertThat(union.contentType()).startsWith("text/event-stream");
            union.awaitOpen();
            health.awaitOpen();

            long caseId = telegramCase(780_001, "Hồng Nhung", VIOLENCE);
            assertThat(sp(caseId)).isEqualTo(Officers.WOMENS_UNION);
            union.awaitData(news("case", caseId));
            union.awaitData(news("delivery", caseId), () -> replies(caseId, 780_001)); // the bot's answer went out
            await().atMost(Duration.ofSeconds(10)).until(() -> onRedis.contains("case " + caseId + " " + Officers.WOMENS_UNION));

            // A case of her own service point reaches the health officer, after everything about the first case.
            long hers = telegramCase(780_002, "Lan", PREGNANCY);
            assertThat(sp(hers)).isEqualTo(Officers.HEALTH_CENTRE);
            health.awaitData(news("case", hers));
            assertThat(health.data()).noneMatch(d -> d.contains("\"case\":" + caseId + "}"));
            assertThat(union.data()).noneMatch(d -> d.contains("\"case\":" + hers + "}"));

            for (String seen : List.of(union.raw(), health.raw(), String.join("\n", onRedis))) {
                assertThat(seen).doesNotContain("đánh", "Hồng Nhung", "780001", "khám thai", "Lan", "780002");
            }
        } finally {
            otherNode.stop();
        }
    }

    @Test
    void news_published_on_redis_by_another_node_reaches_only_the_officers_who_may_see_the_case() {
        try (EventStream union = officer("live-union").events("/admin/events").awaitOpen();
             EventStream health = officer("live-health").events("/admin/events").awaitOpen();
             EventStream coordinator = officer("live-coordinator").events("/admin/events").awaitOpen()) {
            redis.convertAndSend(CaseNewsRelay.CHANNEL, "message 987654 " + Officers.WOMENS_UNION);
            redis.convertAndSend(CaseNewsRelay.CHANNEL, "message 987655 " + Officers.HEALTH_CENTRE);
            union.awaitData(news("message", 987654));
            coordinator.awaitData(news("message", 987654));
            coordinator.awaitData(news("message", 987655));
            health.awaitData(news("message", 987655));
            assertThat(union.data()).doesNotContain(news("message", 987655));
            assertThat(health.data()).doesNotContain(news("message", 987654));
        }
    }

    /** A busy node sends the news of many messages in one Redis message, a line each: every page hears its own once. */
    @Test
    void news_sent_together_reaches_each_officer_who_may_see_it_once() {
        try (EventStream union = officer("live-union").events("/admin/events").awaitOpen();
             EventStream health = officer("live-health").events("/admin/events").awaitOpen()) {
            redis.convertAndSend(CaseNewsRelay.CHANNEL, String.join("\n",
                    "message 987660 " + Officers.WOMENS_UNION, "message 987661 " + Officers.HEALTH_CENTRE,
                    "not news", "message 987660 " + Officers.WOMENS_UNION, "delivery 987662 " + Officers.WOMENS_UNION));
            redis.convertAndSend(CaseNewsRelay.CHANNEL, "message 987663 " + Officers.WOMENS_UNION + "\n" + "message 987664 " + Officers.HEALTH_CENTRE);
            List.of(987660L, 987663L).forEach(id -> union.awaitData(news("message", id)));
            union.awaitData(news("delivery", 987662)); // the last line: a repeat of an earlier one would have come before it
            List.of(987661L, 987664L).forEach(id -> health.awaitData(news("message", id)));

            assertThat(union.data()).doesNotContain(news("message", 987661), news("message", 987664));
            assertThat(union.data().stream().filter(news("message", 987660)::equals)).as("named twice, told once").hasSize(1);
            assertThat(health.data()).doesNotContain(news("message", 987660), news("delivery", 987662));
        }
    }

    @Test
    void an_urgent_message_is_told_as_urgent_to_the_officer_and_the_coordinator() {
        try (EventStream union = officer("live-union").events("/admin/events").awaitOpen();
             EventStream coordinator = officer("live-coordinator").events("/admin/events").awaitOpen()) {
            long caseId = telegramCase(780_003, "Mai", "cứu em với, chồng em đang cầm dao đòi giết em");
            union.awaitData(news("urgent", caseId));
            union.awaitData(news("case", caseId));
            coordinator.awaitData(news("urgent", caseId));
        }
    }

    @Test
    void a_case_transferred_away_no_longer_reaches_the_officer_it_left() {
        OfficerClient unionOfficer = officer("live-union");
        try (EventStream union = unionOfficer.events("/admin/events").awaitOpen();
             EventStream health = officer("live-health").events("/admin/events").awaitOpen()) {
            long caseId = telegramCase(780_004, "Hà", VIOLENCE);
            union.awaitData(news("case", caseId));
            union.awaitData(news("delivery", caseId), () -> replies(caseId, 780_004)); // all there is to tell before the transfer
            int toldBefore = union.data().size();
            assertThat(unionOfficer.post("/admin/cases/" + caseId + "/transfer",
                    Map.of("servicePointId", Officers.HEALTH_CENTRE, "reason", "cần khám")).statusCode()).isEqualTo(302);
            health.awaitData(news("case", caseId));

            int before = TELEGRAM.sentTo(780_004).size();
            TELEGRAM.userWrites(780_004, "Hà", "em vẫn còn sợ");
            health.awaitData(news("message", caseId));
            try {
                await().atMost(Duration.ofSeconds(20)).until(() -> TELEGRAM.sentTo(780_004).size() > before);
            } catch (ConditionTimeoutException e) {
                throw new AssertionError("no answer to her second message within 20 s; " + replies(caseId, 780_004), e);
            }
            health.awaitData(news("delivery", caseId), () -> replies(caseId, 780_004));
            List<String> told = union.data();
            assertThat(told.subList(toldBefore, told.size())).noneMatch(d -> d.contains("\"case\":" + caseId + "}"));
        }
    }

    /** A busy hotline hears two or three pieces of news per message: hearing one must not cost a thread of its own. */
    @Test
    void news_heard_from_redis_starts_no_thread_each() {
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        try (EventStream union = officer("live-union").events("/admin/events").awaitOpen()) {
            long started = threads.getTotalStartedThreadCount(); // platform threads
            List<Long> cases = java.util.stream.LongStream.range(987_700, 987_800).boxed().toList();
            cases.forEach(id -> redis.convertAndSend(CaseNewsRelay.CHANNEL, "message " + id + " " + Officers.WOMENS_UNION));
            // One wait for all: each wait of Awaitility's polls on a thread of its own.
            await().atMost(Duration.ofSeconds(20)).until(() -> union.data().containsAll(cases.stream().map(id -> news("message", id)).toList()));
            assertThat(threads.getTotalStartedThreadCount() - started).as("platform threads started for 100 news").isLessThan(20);
        }
    }

    /** On a commune office's slow line, every page gets each piece of news in the same few bytes, however many are open. */
    @Test
    void each_news_reaches_every_page_as_one_short_event_however_many_pages_are_open() {
        List<EventStream> pages = new java.util.ArrayList<>();
        try {
            for (String officer : List.of("live-union", "live-coordinator", "live-union", "live-coordinator", "live-union")) {
                pages.add(officer(officer).events("/admin/events").awaitOpen());
            }
            List<Long> cases = List.of(987_657L, 987_658L, 987_659L);
            cases.forEach(id -> redis.convertAndSend(CaseNewsRelay.CHANNEL, "message " + id + " " + Officers.WOMENS_UNION));
            for (EventStream page : pages) {
                cases.forEach(id -> page.awaitData(news("message", id)));
                String raw = page.raw();
                // Up to the last event, whose closing blank line may still be on its way: one blank line after each.
                assertThat(raw.substring(0, raw.lastIndexOf("data:"))).doesNotContain("\n\n\n");
            }
        } finally {
            pages.forEach(EventStream::close);
        }
    }

    @Test
    void a_session_keeps_a_few_streams_and_the_oldest_makes_way_with_a_bye() {
        OfficerClient union = officer("live-union");
        EventStream first = union.events("/admin/events").awaitOpen();
        List<EventStream> newer = java.util.stream.IntStream.range(0, 4).mapToObj(i -> union.events("/admin/events").awaitOpen()).toList();
        try {
            await().atMost(Duration.ofSeconds(10)).until(() -> first.raw().contains("event:bye") && first.ended());
            redis.convertAndSend(CaseNewsRelay.CHANNEL, "message 987656 " + Officers.WOMENS_UNION);
            newer.forEach(stream -> stream.awaitData(news("message", 987656)));
            assertThat(newer).noneMatch(EventStream::ended);
        } finally {
            first.close();
            newer.forEach(EventStream::close);
        }
    }

    @Autowired
    ConsoleStreams streams;

    @Test
    void a_stream_ends_with_its_session_at_logout_and_when_the_account_is_disabled() {
        Officers.ensure(accounts, encoder, jdbc, "live-leaving", "pw-live-leaving", "Chị Rời", Officers.WOMENS_UNION);
        OfficerClient leaving = officer("live-leaving");
        OfficerClient staying = officer("live-union");
        try (EventStream loggedOut = leaving.events("/admin/events").awaitOpen();
             EventStream other = staying.events("/admin/events").awaitOpen()) {
            leaving.post("/logout");
            await().atMost(Duration.ofSeconds(10)).until(loggedOut::ended);
            assertThat(other.ended()).isFalse();
        }

        OfficerClient again = officer("live-leaving");
        try (EventStream disabled = again.events("/admin/events").awaitOpen();
             EventStream other = staying.events("/admin/events").awaitOpen()) {
            jdbc.sql("update account set enabled = false where username = 'live-leaving'").update();
            streams.heartbeat();
            await().atMost(Duration.ofSeconds(10)).until(disabled::ended);
            redis.convertAndSend(CaseNewsRelay.CHANNEL, "message 987657 " + Officers.WOMENS_UNION);
            other.awaitData(news("message", 987657));
            assertThat(disabled.received(news("message", 987657))).isFalse();
        } finally {
            jdbc.sql("update account set enabled = true where username = 'live-leaving'").update();
        }
    }

    @Test
    void a_stream_without_a_session_is_refused_with_401() {
        try (EventStream anonymous = new OfficerClient(url("")).events("/admin/events")) {
            assertThat(anonymous.status()).isEqualTo(401);
        }
    }

    private OfficerClient officer(String username) {
        return OfficerClient.loggedIn(url(""), username, "pw-" + username);
    }

    private String sp(long caseId) {
        return jdbc.sql("select service_point_id from help_case where id = :id").param("id", caseId).query(String.class).single();
    }

    /** The case's replies as the database has them, and Telegram's side of them: what a failed wait needs explained. */
    private String replies(long caseId, long chatId) {
        return "replies " + jdbc.sql("""
                        select id, state, urgent, attempts, failure_reason, enqueued_at, next_attempt_at, sent_at
                        from message where case_id = :id and direction = 'OUT' order by id""")
                .param("id", caseId).query().listOfRows()
                + "; sendMessage calls to the chat " + TELEGRAM.attemptsTo(chatId) + " at " + System.nanoTime() / 1_000_000;
    }

    private static String news(String kind, long caseId) {
        return "{\"kind\":\"" + kind + "\",\"case\":" + caseId + "}";
    }

    /** What another node hears on Redis. */
    /** Each line heard on the news channel, as another node hears it. */
    private RedisMessageListenerContainer listen(List<String> into) {
        RedisMessageListenerContainer container = new RedisMessageListenerContainer();
        container.setConnectionFactory(redisConnections);
        container.addMessageListener((message, pattern) -> into.addAll(List.of(new String(message.getBody(), StandardCharsets.UTF_8).split("\n"))),
                new ChannelTopic(CaseNewsRelay.CHANNEL));
        container.afterPropertiesSet();
        container.start();
        await().atMost(Duration.ofSeconds(10)).until(container::isListening);
        return container;
    }
}
