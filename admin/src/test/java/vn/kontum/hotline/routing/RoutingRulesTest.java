package vn.kontum.hotline.routing;

import java.net.http.HttpResponse;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.support.TransactionTemplate;

import vn.kontum.hotline.accounts.Accounts;
import vn.kontum.hotline.cases.CaseRef;
import vn.kontum.hotline.cases.Cases;
import vn.kontum.hotline.contact.Contact;
import vn.kontum.hotline.contact.Contacts;
import vn.kontum.hotline.nlp.Classification;
import vn.kontum.hotline.nlp.Topic;
import vn.kontum.hotline.support.HotlineIntegrationTest;
import vn.kontum.hotline.support.OfficerClient;
import vn.kontum.hotline.support.Officers;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each default routing rule, the fallback chain, an edited rule taking effect and who may edit rules. Contacts are
 * made with their village or commune already known, as the conversation will have asked. Rules changed by a test
 * are put back before it ends: the database is shared by every test class.
 */
class RoutingRulesTest extends HotlineIntegrationTest {

    private static final AtomicLong NEXT_USER = new AtomicLong(770_000);
    private static final String POLICE = "cong-an-dau-moi";

    @Autowired
    Router router;
    @Autowired
    Contacts contacts;
    @Autowired
    Cases cases;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    Accounts accounts;
    @Autowired
    PasswordEncoder encoder;

    @BeforeEach
    void officer() {
        Officers.ensure(accounts, encoder, jdbc, "routing-union", "pw-routing-union", "Chị Định Tuyến", Officers.WOMENS_UNION);
    }

    @Test
    void violence_goes_to_the_communes_trusted_address_and_says_why() {
        Route route = router.route("violence", contact("hoa-binh-thon-3", null));
        assertThat(route.servicePoint().id()).isEqualTo("dctc-hoa-binh");
        assertThat(route.alsoNotify()).isNull();
        assertThat(route.reason()).startsWith("violence, Làng mẫu 3 (Hòa Bình), Xã Hòa Bình -> Địa chỉ tin cậy Hòa Bình (mẫu)")
                .contains("quy tắc #").hasSizeLessThanOrEqualTo(Route.MAX_REASON);

        Route communeOnly = router.route("violence", contact(null, "chu-hreng"));
        assertThat(communeOnly.servicePoint().id()).isEqualTo("dctc-chu-hreng");
        assertThat(communeOnly.reason()).startsWith("violence, Xã Chư Hreng (chưa rõ thôn) -> Địa chỉ tin cậy Chư Hreng");
    }

    @Test
    void trafficking_goes_to_the_trusted_address_and_the_police_focal_point_is_also_notified() {
        Route route = router.route("trafficking", contact("kroong-thon-2", null));
        assertThat(route.servicePoint().id()).isEqualTo("dctc-kroong");
        assertThat(route.alsoNotify()).isNotNull();
        assertThat(route.alsoNotify().id()).isEqualTo(POLICE);
        assertThat(route.reason()).contains("trafficking, Làng mẫu 2 (Kroong), Xã Kroong -> Địa chỉ tin cậy Kroong")
                .contains("báo thêm: Công an thành phố");

        // Where she lives is unknown: the city Women's Union, and the police are still told.
        Route unknown = router.route("trafficking", contact(null, null));
        assertThat(unknown.servicePoint().id()).isEqualTo(Officers.WOMENS_UNION);
        assertThat(unknown.alsoNotify()).isNotNull();
        assertThat(unknown.alsoNotify().id()).isEqualTo(POLICE);
        assertThat(unknown.reason()).startsWith("trafficking, chưa rõ thôn, xã -> Hội Liên hiệp Phụ nữ thành phố Kon Tum");
    }

    /** "Xin chào", then what happened: the case stays at the city Women's Union, and the police are told all the same. */
    @Test
    void a_case_that_turns_to_trafficking_where_it_is_tells_the_police_and_says_why_it_is_there() {
        Contact contact = contact(null, null);
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        CaseRef hello = tx.execute(s -> cases.caseFor(contact, new Classification(Topic.OTHER, 0.9, false, "test"), now));
        assertThat(hello).isNotNull();
        assertThat(hello.servicePoint().id()).isEqualTo(Officers.WOMENS_UNION);

        CaseRef told = tx.execute(s -> cases.caseFor(contact, new Classification(Topic.TRAFFICKING, 0.9, false, "test"), now));
        assertThat(told).isNotNull();
        assertThat(told.id()).isEqualTo(hello.id());
        assertThat(told.category()).isEqualTo("trafficking");
        assertThat(told.servicePoint().id()).isEqualTo(Officers.WOMENS_UNION);
        assertThat(jdbc.sql("select service_point_id from case_also_notified where case_id = :c").param("c", told.id())
                .query(String.class).list()).containsExactly(POLICE);
        assertThat(jdbc.sql("select route_reason from help_case where id = :c").param("c", told.id()).query(String.class).single())
                .startsWith("trafficking, chưa rõ thôn, xã -> Hội Liên hiệp Phụ nữ thành phố Kon Tum").contains("báo thêm: Công an");
    }

    @Test
    void a_trafficking_case_records_the_police_as_also_notified_and_its_page_shows_it_with_the_reason() {
        Contact contact = contact("vinh-quang-thon-1", null);
        CaseRef ref = tx.execute(s -> cases.caseFor(contact, new Classification(Topic.TRAFFICKING, 0.9, false, "test"),
                OffsetDateTime.now(ZoneOffset.UTC)));
        assertThat(ref).isNotNull();
        assertThat(ref.servicePoint().id()).isEqualTo("dctc-vinh-quang");
        assertThat(jdbc.sql("select service_point_id from case_also_notified where case_id = :c").param("c", ref.id())
                .query(String.class).list()).containsExactly(POLICE);
        assertThat(jdbc.sql("select route_reason from help_case where id = :c").param("c", ref.id()).query(String.class).single())
                .contains("-> Địa chỉ tin cậy Vinh Quang").contains("báo thêm: Công an");

        String page = OfficerClient.loggedIn(url(""), "admin", ADMIN_PASSWORD).get("/admin/cases/" + ref.id()).body();
        assertThat(page).contains("Lý do chuyển tới đây").contains("trafficking, Làng mẫu 1 (Vinh Quang), Xã Vinh Quang -&gt; Địa chỉ tin cậy Vinh Quang")
                .contains("<dt>Đã báo thêm cho</dt><dd>Công an thành phố - đầu mối phòng chống mua bán người (mẫu)</dd>");

        // A violence case tells no one else.
        CaseRef violence = tx.execute(s -> cases.caseFor(contact("vinh-quang-thon-2", null),
                new Classification(Topic.VIOLENCE, 0.9, false, "test"), OffsetDateTime.now(ZoneOffset.UTC)));
        assertThat(jdbc.sql("select count(*) from case_also_notified where case_id = :c").param("c", violence.id()).query(Long.class).single())
                .isZero();
    }

    @Test
    void safe_delivery_goes_to_the_communes_health_station_else_the_city_health_centre() {
        Route station = router.route("safe_delivery", contact("dak-bla-thon-2", null));
        assertThat(station.servicePoint().id()).isEqualTo("tyt-dak-bla");
        assertThat(station.reason()).contains("-> Trạm Y tế Đăk Blà");
        // Phường Quyết Thắng has no health station in the sample directory.
        Route noStation = router.route("safe_delivery", contact(null, "quyet-thang"));
        assertThat(noStation.servicePoint().id()).isEqualTo(Officers.HEALTH_CENTRE);
        assertThat(noStation.reason()).startsWith("safe_delivery, Phường Quyết Thắng (chưa rõ thôn) -> Trung tâm Y tế thành phố Kon Tum");
        assertThat(router.route("safe_delivery", contact(null, null)).servicePoint().id()).isEqualTo(Officers.HEALTH_CENTRE);
    }

    @Test
    void savings_and_loans_go_to_the_villages_savings_group_else_the_social_policy_bank_desk() {
        Route group = router.route("savings_loans", contact("hoa-binh-thon-1", null));
        assertThat(group.servicePoint().id()).isEqualTo("totk-hoa-binh");
        assertThat(group.reason()).contains("-> Tổ tiết kiệm vay vốn thôn bản Hòa Bình");
        // Village 4 of Hòa Bình has no savings group of its own.
        assertThat(router.route("savings_loans", contact("hoa-binh-thon-4", null)).servicePoint().id()).isEqualTo(Officers.SOCIAL_POLICY_BANK);
        assertThat(router.route("savings_loans", contact(null, null)).servicePoint().id()).isEqualTo(Officers.SOCIAL_POLICY_BANK);
    }

    @Test
    void other_goes_to_the_city_womens_union() {
        Route route = router.route("other", contact("ngo-may-thon-1", null));
        assertThat(route.servicePoint().id()).isEqualTo(Officers.WOMENS_UNION);
        assertThat(route.alsoNotify()).isNull();
        assertThat(route.reason()).startsWith("other, Làng mẫu 1 (Ngô Mây), Phường Ngô Mây -> Hội Liên hiệp Phụ nữ thành phố Kon Tum");
    }

    @Test
    void without_a_rule_the_case_goes_to_the_communes_trusted_address_then_the_city_womens_union() {
        // Phường Lê Lợi has no trusted address: violence there reaches the Women's Union.
        Route noTrustedAddress = router.route("violence", contact("le-loi-thon-1", null));
        assertThat(noTrustedAddress.servicePoint().id()).isEqualTo(Officers.WOMENS_UNION);
        assertThat(noTrustedAddress.reason()).contains("không có quy tắc: Hội Liên hiệp Phụ nữ thành phố");
        Route unknown = router.route("violence", contact(null, null));
        assertThat(unknown.servicePoint().id()).isEqualTo(Officers.WOMENS_UNION);
        assertThat(unknown.reason()).startsWith("violence, chưa rõ thôn, xã -> ");

        // Without Đoàn Kết's safe-delivery rule and the city-wide one, the commune's trusted address is next.
        Map<String, Object> communeRule = rule("safe_delivery", "commune_id = 'doan-ket'");
        Map<String, Object> anywhereRule = rule("safe_delivery", "commune_id is null and village_id is null");
        jdbc.sql("delete from routing_rule where id in (:a, :b)").param("a", communeRule.get("id")).param("b", anywhereRule.get("id")).update();
        try {
            Route fallback = router.route("safe_delivery", contact("doan-ket-thon-2", null));
            assertThat(fallback.servicePoint().id()).isEqualTo("dctc-doan-ket");
            assertThat(fallback.reason()).contains("không có quy tắc: địa chỉ tin cậy của xã");
            // No commune known: straight to the Women's Union.
            assertThat(router.route("safe_delivery", contact(null, null)).servicePoint().id()).isEqualTo(Officers.WOMENS_UNION);
        } finally {
            restore(communeRule);
            restore(anywhereRule);
        }
        assertThat(router.route("safe_delivery", contact("doan-ket-thon-2", null)).servicePoint().id()).isEqualTo("tyt-doan-ket");
    }

    @Test
    void a_coordinators_edited_rule_takes_effect_for_the_next_case() {
        Map<String, Object> rule = rule("violence", "commune_id = 'dak-nang'");
        long id = ((Number) rule.get("id")).longValue();
        OfficerClient coordinator = OfficerClient.loggedIn(url(""), "admin", ADMIN_PASSWORD);
        assertThat(coordinator.get("/admin/routing/" + id).body()).contains("Sửa quy tắc chuyển")
                .contains("value=\"commune:dak-nang\" selected=\"selected\"");
        try {
            String page = coordinator.submit("/admin/routing/" + id, Map.of("category", "violence", "place", "commune:dak-nang",
                    "servicePointId", "tyt-dak-nang", "alsoNotifyId", Officers.WOMENS_UNION, "sortOrder", "50")).body();
            assertThat(page).contains("Đã lưu thay đổi.");
            Route route = router.route("violence", contact("dak-nang-thon-1", null));
            assertThat(route.servicePoint().id()).isEqualTo("tyt-dak-nang");
            assertThat(route.alsoNotify()).isNotNull();
            assertThat(route.alsoNotify().id()).isEqualTo(Officers.WOMENS_UNION);
            assertThat(route.reason()).contains("quy tắc #" + id);

            // A new, more precise rule for one village wins over the commune's.
            coordinator.submit("/admin/routing", Map.of("category", "violence", "place", "village:dak-nang-thon-3",
                    "servicePointId", "dctc-dak-nang", "alsoNotifyId", "", "sortOrder", "100"));
            long added = jdbc.sql("select id from routing_rule where village_id = 'dak-nang-thon-3' and category = 'violence'")
                    .query(Long.class).single();
            assertThat(router.route("violence", contact("dak-nang-thon-3", null)).servicePoint().id()).isEqualTo("dctc-dak-nang");
            assertThat(router.route("violence", contact("dak-nang-thon-2", null)).servicePoint().id()).isEqualTo("tyt-dak-nang");
            assertThat(coordinator.submit("/admin/routing/" + added + "/delete", Map.of()).body()).contains("Đã lưu thay đổi.");
            assertThat(jdbc.sql("select count(*) from routing_rule where id = :id").param("id", added).query(Long.class).single()).isZero();
        } finally {
            jdbc.sql("update routing_rule set service_point_id = :sp, also_notify_id = null, sort_order = :o where id = :id")
                    .param("sp", rule.get("service_point_id")).param("o", rule.get("sort_order")).param("id", id).update();
        }
        assertThat(router.route("violence", contact("dak-nang-thon-1", null)).servicePoint().id()).isEqualTo("dctc-dak-nang");
    }

    @Test
    void only_coordinators_and_administrators_see_and_change_the_rules_and_every_change_needs_the_csrf_token() {
        OfficerClient officer = OfficerClient.loggedIn(url(""), "routing-union", "pw-routing-union");
        long id = ((Number) rule("violence", "commune_id = 'ia-chim'").get("id")).longValue();
        assertThat(officer.get("/admin/routing").statusCode()).isEqualTo(403);
        assertThat(officer.get("/admin/routing/" + id).statusCode()).isEqualTo(403);
        assertThat(officer.post("/admin/routing", Map.of("category", "violence", "place", "any", "servicePointId", "dctc-ia-chim",
                "sortOrder", "1")).statusCode()).isEqualTo(403);
        assertThat(officer.post("/admin/routing/" + id + "/delete").statusCode()).isEqualTo(403);
        assertThat(officer.get("/admin").body()).doesNotContain("href=\"/admin/routing\"");

        OfficerClient coordinator = OfficerClient.loggedIn(url(""), "admin", ADMIN_PASSWORD);
        HttpResponse<String> list = coordinator.get("/admin/routing");
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.body()).contains("Quy tắc chuyển").contains("Địa chỉ tin cậy Ia Chim (mẫu)").contains("href=\"/admin/routing\"")
                .contains("Công an thành phố - đầu mối phòng chống mua bán người (mẫu)").doesNotContain("<script>");
        assertThat(coordinator.get("/admin/routing?category=savings_loans").body()).contains("Tổ tiết kiệm vay vốn thôn bản Kroong")
                .doesNotContain("Địa chỉ tin cậy Ia Chim (mẫu)</td>");
        assertThat(coordinator.postForm("/admin/routing/" + id + "/delete", Map.of()).statusCode()).isEqualTo(403);
        assertThat(jdbc.sql("select count(*) from routing_rule where id = :id").param("id", id).query(Long.class).single()).isOne();
    }

    @Test
    void a_rule_naming_an_unknown_category_place_or_service_point_or_sending_a_woman_first_to_the_police_is_refused() {
        OfficerClient coordinator = OfficerClient.loggedIn(url(""), "admin", ADMIN_PASSWORD);
        long before = jdbc.sql("select count(*) from routing_rule").query(Long.class).single();
        assertThat(add(coordinator, "nonsense", "any", "dctc-ia-chim", "")).contains("Không có lĩnh vực này.");
        assertThat(add(coordinator, "violence", "any", "no-such-point", "")).contains("Không có nơi tiếp nhận này.");
        assertThat(add(coordinator, "violence", "commune:atlantis", "dctc-ia-chim", "")).contains("Không có thôn, xã này.");
        assertThat(add(coordinator, "violence", "somewhere", "dctc-ia-chim", "")).contains("Không có thôn, xã này.");
        assertThat(add(coordinator, "trafficking", "any", POLICE, "")).contains("Công an chỉ được báo thêm");
        assertThat(add(coordinator, "violence", "any", "dctc-ia-chim", "dctc-ia-chim")).contains("Nơi báo thêm không có");
        assertThat(coordinator.submit("/admin/routing", Map.of("category", "violence", "place", "any", "servicePointId", "dctc-ia-chim",
                "sortOrder", "abc")).body()).contains("Thứ tự phải là một số");
        assertThat(jdbc.sql("select count(*) from routing_rule").query(Long.class).single()).isEqualTo(before);
    }

    private static String add(OfficerClient coordinator, String category, String place, String servicePoint, String alsoNotify) {
        return coordinator.submit("/admin/routing", Map.of("category", category, "place", place, "servicePointId", servicePoint,
                "alsoNotifyId", alsoNotify, "sortOrder", "100")).body();
    }

    private Map<String, Object> rule(String category, String where) {
        return jdbc.sql("select * from routing_rule where category = :c and " + where).param("c", category).query().singleRow();
    }

    private void restore(Map<String, Object> row) {
        jdbc.sql("""
                        insert into routing_rule (id, category, village_id, commune_id, service_point_id, also_notify_id, sort_order, updated_at)
                        values (:id, :category, :village, :commune, :sp, :notify, :o, :at)""")
                .param("id", row.get("id")).param("category", row.get("category"))
                .param("village", row.get("village_id"), java.sql.Types.VARCHAR).param("commune", row.get("commune_id"), java.sql.Types.VARCHAR)
                .param("sp", row.get("service_point_id")).param("notify", row.get("also_notify_id"), java.sql.Types.VARCHAR)
                .param("o", row.get("sort_order")).param("at", row.get("updated_at")).update();
    }

    /** A new contact whose village (and so commune) or commune alone is known. */
    private Contact contact(@Nullable String village, @Nullable String commune) {
        String user = Long.toString(NEXT_USER.incrementAndGet());
        String communeId = commune != null ? commune : village == null ? null
                : jdbc.sql("select commune_id from village where id = :v").param("v", village).query(String.class).single();
        jdbc.sql("""
                        insert into contact (channel, channel_user_id, village_id, commune_id, created_at)
                        values ('telegram', :user, :village, :commune, :now)""")
                .param("user", "routing-" + user).param("village", village, java.sql.Types.VARCHAR)
                .param("commune", communeId, java.sql.Types.VARCHAR).param("now", OffsetDateTime.now(ZoneOffset.UTC)).update();
        long id = jdbc.sql("select id from contact where channel_user_id = :u").param("u", "routing-" + user).query(Long.class).single();
        return contacts.find(id).orElseThrow();
    }
}
