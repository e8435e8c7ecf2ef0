package vn.kontum.hotline.stats;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import vn.kontum.hotline.contact.Contacts;
import vn.kontum.hotline.safety.ConversationErasure;
import vn.kontum.hotline.safety.RetentionJob;
import vn.kontum.hotline.support.HotlineIntegrationTest;
import vn.kontum.hotline.support.OfficerClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The city's figures come from daily roll-ups counted long before the old cases change: after a category
 * correction, a priority change, a late resolution, a transfer, an erased conversation, a case recorded afterwards
 * (offline), a retention purge, a woman giving her village, a message classified late and rows written in by
 * hand, the API must still say what was counted by hand, and exactly what counting straight from the cases says.
 * The fixtures are a week 250 days ago and a day 270 days ago, where no other test writes. The raw comparison
 * periods stay clear of the other fixture's day, whose fix by hand is visible only after the nightly recount.
 */
class StatsRollupTest extends HotlineIntegrationTest {

    private static final LocalDate D = LocalDate.now(Period.VIETNAM).minusDays(250);
    private static final Period WEEK = new Period(D, D.plusDays(6));

    @Autowired
    StatsQueries stats;
    @Autowired
    Contacts contacts;
    @Autowired
    ConversationErasure erasure;
    @Autowired
    RetentionJob retention;
    @Autowired
    PlatformTransactionManager transactions;
    @Autowired
    DailyRollup rollup;

    @Test
    void the_figures_stay_the_hand_counted_ones_when_old_cases_change() throws Exception {
        long a = contact("ngo-may-thon-1", D.minusDays(30));
        long b = contact("hoa-binh-thon-3", D);
        long c = contact(null, D);
        long e = contact("kroong-thon-1", D);
        long a1 = helpCase(a, D, "violence", "NORMAL", "dctc-ngo-may", 10, null);
        message(a, a1, "violence", D);
        message(a, a1, "violence", D);
        long b1 = helpCase(b, D.plusDays(1), "safe_delivery", "URGENT", "tyt-hoa-binh", 3, null);
        message(b, b1, "safe_delivery", D.plusDays(1));
        long a2 = helpCase(a, D.plusDays(2), "safe_delivery", "NORMAL", "tyt-hoa-binh", 30, 120);
        message(a, a2, "safe_delivery", D.plusDays(2));
        long c1 = helpCase(c, D.plusDays(3), "savings_loans", "NORMAL", "hlhpn-thanh-pho", null, null);
        long unclassified = message(c, c1, null, D.plusDays(3));
        long e1 = helpCase(e, D.plusDays(5), "trafficking", "NORMAL", "hlhpn-thanh-pho", 60, 1440);
        message(e, e1, "trafficking", D.plusDays(5));

        JsonNode before = figures(WEEK);
        assertThat(before.path("casesOpened").asLong()).isEqualTo(5);
        assertThat(before.path("casesByCategory").path("violence").asLong()).isEqualTo(1);
        assertThat(before.path("casesByCategory").path("safe_delivery").asLong()).isEqualTo(2);
        assertThat(before.path("urgentCases").asLong()).isEqualTo(1);
        assertThat(before.path("newContacts").asLong()).isEqualTo(3);
        assertThat(before.path("returningContacts").asLong()).isEqualTo(1);
        assertThat(before.path("casesByCommune").path("Xã Kroong").asString()).isEqualTo("hidden");
        assertThat(before.path("casesByCommune").path("?").asString()).isEqualTo("hidden");
        assertThat(before.path("indicators").path("trustedAddressesActive").asLong()).isEqualTo(1);
        assertThat(before.path("indicators").path("villagesReached").asLong()).isEqualTo(3);
        assertThat(before.path("indicators").path("womenCounselledOnSafeDelivery").asLong()).isEqualTo(2);
        assertThat(before.path("indicators").path("violenceAndTraffickingCasesResolved").asLong()).isEqualTo(1);
        assertThat(before.path("messagesByCategory").path("violence").asLong()).isEqualTo(2);
        assertThat(before.path("messagesByCategory").path("savings_loans").asLong()).isZero();
        assertThat(before.path("messagesByChannel").path("web").asLong()).isEqualTo(6);
        assertThat(before.path("answeringByPriority").path("NORMAL").path("firstResponseMedian").asLong()).isEqualTo(30);
        assertThat(before.path("answeringByPriority").path("NORMAL").path("firstResponseP90").asLong()).isEqualTo(60);
        assertThat(before.path("firstResponseBreachesByPriority").path("NORMAL").asLong()).isEqualTo(1);
        assertThat(before.path("firstResponseBreachesByPriority").path("URGENT").asLong()).isZero();
        assertThat(jdbc.sql("select coalesce(sum(cases), 0) from stats_day where epoch_day between :a and :b")
                .param("a", StatsDay.of(D)).param("b", StatsDay.of(D.plusDays(6))).query(Long.class).single())
                .as("the week was rolled up").isEqualTo(5);
        assertThat(stats.report(coordinator(), WEEK)).isEqualTo(stats.rawCityReport(WEEK));

        OfficerClient admin = OfficerClient.loggedIn(url(""), "admin", ADMIN_PASSWORD);
        // A category corrected: the violence case was about a safe delivery. Her later safe-delivery case (A2) now
        // follows an earlier one of hers: she is still one woman counselled.
        assertThat(admin.post("/admin/cases/" + a1 + "/category", Map.of("category", "safe_delivery")).statusCode()).isEqualTo(302);
        // A priority raised afterwards, long after its answer in 60 minutes: not late, its urgent target runs from now.
        assertThat(admin.post("/admin/cases/" + e1 + "/priority", Map.of("priority", "URGENT")).statusCode()).isEqualTo(302);
        // Resolved 250 days later: a resolution time, but not a resolution within the week.
        assertThat(admin.post("/admin/cases/" + a1 + "/resolve").statusCode()).isEqualTo(302);
        // Transferred to the Kroong trusted address.
        assertThat(admin.post("/admin/cases/" + c1 + "/transfer", Map.of("servicePointId", "dctc-kroong", "reason", "gần nhà chị"))
                .statusCode()).isEqualTo(302);
        // She erased her conversation: her case and messages still count, anonymously.
        new TransactionTemplate(transactions).executeWithoutResult(s -> erasure.erase(contacts.find(b).orElseThrow(), now()));
        // A visit recorded afterwards, on the fifth day, at a trusted address.
        assertThat(admin.post("/admin/cases", Map.of("how", "in_person", "category", "other", "priority", "NORMAL",
                "servicePointId", "dctc-hoa-binh", "villageId", "hoa-binh-thon-3", "day", D.plusDays(4).toString())).statusCode())
                .isEqualTo(302);
        // ... and resolved at once, long after the day it is dated.
        long visit = jdbc.sql("select max(id) from help_case where channel = 'in_person'").query(Long.class).single(); // the one just recorded
        assertThat(admin.post("/admin/cases/" + visit + "/resolve").statusCode()).isEqualTo(302);
        // The trafficking case, closed long ago, loses its content; the counts stay.
        jdbc.sql("update help_case set status = 'CLOSED', closed_at = :closed where id = :id").param("closed", now().minusDays(200))
                .param("id", e1).update();
        retention.purgeDue();
        assertThat(jdbc.sql("select content_purged_at is not null from help_case where id = :id").param("id", e1).query(Boolean.class).single())
                .isTrue();
        // The woman without a village says she lives in Kroong village 1.
        contacts.locate(c, "kroong", "kroong-thon-1");
        // Her message, waiting since, is classified.
        jdbc.sql("update message set category = 'savings_loans', state = 'PROCESSED' where id = :id").param("id", unclassified).update();
        // Written in by hand afterwards (an import): a case and a message on the last day.
        long b2 = helpCase(b, D.plusDays(6), "safe_delivery", "NORMAL", "tyt-hoa-binh", 20, null);
        message(b, b2, "safe_delivery", D.plusDays(6));

        JsonNode after = figures(WEEK);
        assertThat(after.path("casesOpened").asLong()).isEqualTo(7);
        assertThat(after.path("casesByCategory").path("violence").asLong()).isZero();
        assertThat(after.path("casesByCategory").path("safe_delivery").asLong()).isEqualTo(4);
        assertThat(after.path("casesByCategory").path("other").asLong()).isEqualTo(1);
        assertThat(after.path("casesByPriority").path("URGENT").asLong()).isEqualTo(2);
        assertThat(after.path("casesByChannel").path("in_person").asLong()).isEqualTo(1);
        assertThat(after.path("newContacts").asLong()).isEqualTo(4);
        assertThat(after.path("returningContacts").asLong()).isEqualTo(1);
        assertThat(after.path("casesByCommune").has("?")).isFalse();
        assertThat(after.path("casesByCommune").path("Xã Kroong").asString()).isEqualTo("hidden");
        assertThat(after.path("casesByVillage").path("Làng mẫu 3 (Hòa Bình)").asString()).isEqualTo("hidden");
        JsonNode i = after.path("indicators");
        assertThat(i.path("trustedAddressesActive").asLong()).isEqualTo(3);
        assertThat(i.path("villagesReached").asLong()).isEqualTo(3);
        assertThat(i.path("disadvantagedVillagesReached").asLong()).isEqualTo(2);
        assertThat(i.path("womenCounselledOnSafeDelivery").asLong()).isEqualTo(2);
        assertThat(i.path("violenceAndTraffickingCasesSupported").asLong()).isEqualTo(1);
        assertThat(i.path("violenceAndTraffickingCasesResolved").asLong()).isEqualTo(1);
        assertThat(after.path("messagesByCategory").path("violence").asLong()).isEqualTo(2);
        assertThat(after.path("messagesByCategory").path("safe_delivery").asLong()).isEqualTo(3);
        assertThat(after.path("messagesByCategory").path("savings_loans").asLong()).isEqualTo(1);
        assertThat(after.path("messagesByChannel").path("web").asLong()).isEqualTo(7);
        JsonNode normal = after.path("answeringByPriority").path("NORMAL");
        // 10, 20 and 30 minutes: the visit recorded afterwards, "answered" as it was recorded, says nothing of answering.
        assertThat(normal.path("answered").asLong()).isEqualTo(3);
        assertThat(normal.path("firstResponseMedian").asLong()).isEqualTo(20);
        assertThat(normal.path("firstResponseP90").asLong()).isEqualTo(30);
        // Nor is its resolution, dated back, a resolution time of the hotline.
        assertThat(normal.path("resolved").asLong()).isEqualTo(2);
        assertThat(normal.path("resolutionMedian").asLong()).isEqualTo(120);
        JsonNode urgent = after.path("answeringByPriority").path("URGENT");
        assertThat(urgent.path("firstResponseMedian").asLong()).isEqualTo(3);
        assertThat(urgent.path("firstResponseP90").asLong()).isEqualTo(60);
        assertThat(urgent.path("resolutionMedian").asLong()).isEqualTo(1440);
        assertThat(after.path("firstResponseBreachesByPriority").path("URGENT").asLong()).isZero();
        assertThat(after.path("firstResponseBreachesByPriority").path("NORMAL").asLong()).isEqualTo(1);
        assertThat(after.path("overTime").path("unit").asString()).isEqualTo("WEEK");
        long safeDeliveryOverTime = 0;
        for (JsonNode n : after.path("overTime").path("cases").path("safe_delivery")) {
            safeDeliveryOverTime += n.asLong();
        }
        assertThat(safeDeliveryOverTime).isEqualTo(4);

        // Counting straight from the cases says exactly the same, for the week, part of it and a longer period.
        for (Period p : new Period[] {WEEK, new Period(D.plusDays(2), D.plusDays(6)), new Period(D.minusDays(15), D.plusDays(120))}) {
            assertThat(stats.report(coordinator(), p)).as("%s", p).isEqualTo(stats.rawCityReport(p));
        }
        // The trafficking case closed 200 days ago (50 days after the week): closed then, never resolved.
        JsonNode closing = figures(new Period(D.minusDays(15), D.plusDays(120)));
        assertThat(closing.path("closedByCategory").path("trafficking").asLong()).isEqualTo(1);
        assertThat(closing.path("casesClosed").asLong()).isEqualTo(1);
        assertThat(closing.path("casesResolved").asLong()).isEqualTo(2);
    }

    @Test
    void a_fix_by_hand_that_left_updated_at_as_it_was_is_counted_by_the_nightly_recount() throws Exception {
        LocalDate day = LocalDate.now(Period.VIETNAM).minusDays(270);
        Period one = new Period(day, day);
        long woman = contact(null, day);
        long c = helpCase(woman, day, "violence", "NORMAL", "hlhpn-thanh-pho", 5, null);
        assertThat(figures(one).path("casesByCategory").path("violence").asLong()).isEqualTo(1);

        // Not something the hotline does (every case update sets updated_at): a fix by hand in the database. No look
        // and no fingerprint sees it (the day still says violence), the night's recount does.
        jdbc.sql("update help_case set category = 'trafficking' where id = :id").param("id", c).update();
        rollup.refreshEverything();
        assertThat(figures(one).path("casesByCategory").path("violence").asLong()).isEqualTo(1);
        rollup.recountEverything();

        JsonNode after = figures(one);
        assertThat(after.path("casesByCategory").path("violence").asLong()).isZero();
        assertThat(after.path("casesByCategory").path("trafficking").asLong()).isEqualTo(1);
        assertThat(stats.report(coordinator(), one)).isEqualTo(stats.rawCityReport(one));
    }

    private JsonNode figures(Period p) throws Exception {
        var response = getAs("admin", ADMIN_PASSWORD, "/api/v1/stats?from=" + p.from() + "&to=" + p.to());
        assertThat(response.statusCode()).isEqualTo(200);
        return JsonMapper.builder().build().readTree(response.body());
    }

    private static vn.kontum.hotline.accounts.Viewer coordinator() {
        return new vn.kontum.hotline.accounts.Viewer(0, "test", java.util.Set.of(vn.kontum.hotline.accounts.Role.COORDINATOR), java.util.Set.of());
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }

    /** 09:00 in Kon Tum on that day, plus some minutes. */
    private static OffsetDateTime at(LocalDate day, long minutes) {
        return day.atTime(9, 0).atZone(Period.VIETNAM).toOffsetDateTime().withOffsetSameInstant(ZoneOffset.UTC).plusMinutes(minutes);
    }

    private long contact(String village, LocalDate created) {
        String commune = village == null ? null : jdbc.sql("select commune_id from village where id = :v").param("v", village)
                .query(String.class).single();
        jdbc.sql("""
                        insert into contact (channel, channel_user_id, village_id, commune_id, created_at)
                        values ('web', :u, :v, :c, :at)""")
                .param("u", "rollup-" + UUID.randomUUID()).param("v", village).param("c", commune).param("at", at(created, -60)).update();
        return jdbc.sql("select max(id) from contact").query(Long.class).single();
    }

    private long helpCase(long contact, LocalDate day, String category, String priority, String servicePoint, Integer replyAfter,
                          Integer resolvedAfter) {
        jdbc.sql("""
                        insert into help_case (contact_id, channel, category, priority, status, service_point_id, route_reason,
                                               opened_at, first_reply_at, resolved_at, updated_at)
                        values (:contact, 'web', :category, :priority, :status, :sp, 'fixture', :opened, :replied, :resolved, :opened)""")
                .param("contact", contact).param("category", category).param("priority", priority)
                .param("status", resolvedAfter != null ? "RESOLVED" : replyAfter != null ? "IN_PROGRESS" : "NEW").param("sp", servicePoint)
                .param("opened", at(day, 0)).param("replied", replyAfter == null ? null : at(day, replyAfter))
                .param("resolved", resolvedAfter == null ? null : at(day, resolvedAfter)).update();
        return jdbc.sql("select max(id) from help_case").query(Long.class).single();
    }

    private long message(long contact, long caseId, String category, LocalDate day) {
        jdbc.sql("""
                        insert into message (direction, channel, inbound_key, contact_id, case_id, body, category, urgent, state, created_at,
                                             enqueued_at)
                        values ('IN', 'web', :key, :contact, :case, 'em cần giúp', :category, false, :state, :at, :enqueued)""")
                .param("key", "rollup:" + UUID.randomUUID()).param("contact", contact).param("case", caseId)
                .param("category", category).param("state", category == null ? "ACCEPTED" : "PROCESSED").param("at", at(day, 0))
                // Not classified yet, and kept from the queue's sweeper: the test classifies it itself, later.
                .param("enqueued", category == null ? now().plusDays(1) : null).update();
        return jdbc.sql("select max(id) from message").query(Long.class).single();
    }
}
