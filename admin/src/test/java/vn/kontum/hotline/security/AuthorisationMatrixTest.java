package vn.kontum.hotline.security;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
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
 * Every page and API endpoint, for every role, on a case of the officer's own service point and of another:
 * the status each gets. Pages are asked with a logged-in session, APIs with HTTP Basic. The matrix is written to
 * {@code target/authorisation-matrix.txt}.
 */
class AuthorisationMatrixTest extends HotlineIntegrationTest {

    private static final List<String> WHO = List.of("anonymous", "officer, own", "officer, other", "coordinator", "administrator");

    @Autowired
    Accounts accounts;
    @Autowired
    PasswordEncoder encoder;

    @Test
    void every_endpoint_answers_each_role_as_the_access_rules_say() throws Exception {
        Officers.ensure(accounts, encoder, jdbc, "matrix-union", "pw-matrix-union", "Chị Hội", Officers.WOMENS_UNION);
        Officers.ensure(accounts, encoder, jdbc, "matrix-health", "pw-matrix-health", "Chị Y Tế", Officers.HEALTH_CENTRE);
        if (jdbc.sql("select count(*) from account where username = 'matrix-coordinator'").query(Long.class).single() == 0) {
            accounts.create("matrix-coordinator", encoder.encode("pw-matrix-coordinator"), "Điều phối", EnumSet.of(Role.COORDINATOR), Set.of());
        }
        long own = telegramCase(790_001, "Thu", "alo cho em hỏi");
        await().atMost(Duration.ofSeconds(20)).until(() -> !TELEGRAM.sentTo(790_001).isEmpty());
        assertThat(jdbc.sql("select service_point_id from help_case where id = :id").param("id", own).query(String.class).single())
                .isEqualTo(Officers.WOMENS_UNION);

        Map<String, String> credentials = new LinkedHashMap<>();
        credentials.put("officer, own", "matrix-union:pw-matrix-union");
        credentials.put("officer, other", "matrix-health:pw-matrix-health");
        credentials.put("coordinator", "matrix-coordinator:pw-matrix-coordinator");
        credentials.put("administrator", "admin:" + ADMIN_PASSWORD);
        Map<String, OfficerClient> sessions = new LinkedHashMap<>();
        credentials.forEach((who, c) -> sessions.put(who, OfficerClient.loggedIn(url(""), c.split(":")[0], c.split(":", 2)[1])));

        // expected: anonymous (a browser: redirected to the login page), officer own, officer other, coordinator, administrator
        Object[][] pages = {
                {"/admin", "login", 200, 200, 200, 200},
                {"/admin/cases/" + own, "login", 200, 404, 200, 200},
                {"/admin/cases/" + own + "/thread", "login", 200, 404, 200, 200},
                {"/admin/cases/new", "login", 200, 200, 200, 200},
                {"/admin/stats", "login", 200, 200, 200, 200},
                {"/admin/stats/print", "login", 200, 200, 200, 200},
                {"/admin/me", "login", 200, 200, 200, 200},
                {"/admin/on-call/" + Officers.WOMENS_UNION, "login", 200, 404, 200, 200},
                {"/admin/canned", "login", 403, 403, 200, 200},
                {"/admin/routing", "login", 403, 403, 200, 200},
                {"/admin/knowledge", "login", 403, 403, 200, 200},
                {"/admin/accounts", "login", 403, 403, 403, 200},
                {"/admin/directory", "login", 403, 403, 403, 200},
                {"/admin/directory/villages.csv", "login", 403, 403, 403, 200},
        };
        Object[][] apis = {
                {"/api/v1/cases", 401, 200, 200, 200, 200},
                {"/api/v1/cases/" + own + "/messages", 401, 200, 404, 200, 200},
                {"/api/v1/stats?preset=annual&year=2026", 401, 200, 200, 200, 200},
                {"/api/v1/reports/summary.csv?preset=annual&year=2026", 401, 200, 200, 200, 200},
                {"/actuator/prometheus", 401, 403, 403, 200, 200},
                {"/actuator/health", 200, 200, 200, 200, 200},
        };
        List<String> report = new ArrayList<>();
        List<String> wrong = new ArrayList<>();
        report.add(String.format("%-58s %s", "endpoint", String.join(" | ", WHO)));
        for (Object[] row : pages) {
            String path = (String) row[0];
            List<String> got = new ArrayList<>();
            HttpResponse<String> anon = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url(path)))
                    .header("Accept", "text/html").GET().build(), HttpResponse.BodyHandlers.ofString());
            got.add(anon.statusCode() == 302 && anon.headers().firstValue("Location").orElse("").endsWith("/login") ? "login"
                    : Integer.toString(anon.statusCode()));
            for (OfficerClient session : sessions.values()) {
                got.add(Integer.toString(session.get(path).statusCode()));
            }
            check("GET " + path, row, got, report, wrong);
        }
        for (Object[] row : apis) {
            String path = (String) row[0];
            List<String> got = new ArrayList<>();
            got.add(Integer.toString(get(HttpClient.newHttpClient(), path).statusCode()));
            for (String c : credentials.values()) {
                got.add(Integer.toString(basic(path, c).statusCode()));
            }
            check("GET " + path, row, got, report, wrong);
        }
        // The live stream: any signed-in account may open it (a stream without a session: 401, as EventSource asks); news
        // of a case reaches only those who may see the case.
        List<String> opened = new ArrayList<>();
        List<EventStream> streams = new ArrayList<>();
        try (EventStream anonymous = new OfficerClient(url("")).events("/admin/events")) {
            opened.add(Integer.toString(anonymous.status()));
        }
        for (OfficerClient session : sessions.values()) {
            EventStream stream = session.events("/admin/events");
            streams.add(stream);
            opened.add(Integer.toString(stream.status()));
        }
        check("GET /admin/events", new Object[]{"", 401, 200, 200, 200, 200}, opened, report, wrong);
        try {
            streams.forEach(EventStream::awaitOpen);
            TELEGRAM.userWrites(790_001, "Thu", "em vẫn ở đây");
            String news = "{\"kind\":\"message\",\"case\":" + own + "}";
            List<EventStream> toldOf = List.of(streams.get(0), streams.get(2), streams.get(3));
            toldOf.forEach(stream -> stream.awaitData(news));
            List<String> told = new ArrayList<>(List.of("-"));
            streams.forEach(stream -> told.add(stream.data().stream().anyMatch(d -> d.endsWith("\"case\":" + own + "}")) ? "yes" : "no"));
            check("news of case {own} on /admin/events", new Object[]{"", "-", "yes", "no", "yes", "yes"}, told, report, wrong);
        } finally {
            streams.forEach(EventStream::close);
        }

        // A write on the case: a private note, with each session's own CSRF token.
        List<String> got = new ArrayList<>();
        got.add(Integer.toString(HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url("/admin/cases/" + own + "/notes")))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString("text=x")).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode()));
        for (OfficerClient session : sessions.values()) {
            got.add(Integer.toString(session.post("/admin/cases/" + own + "/notes", Map.of("text", "ghi chú")).statusCode()));
        }
        // Anyone not logged in is sent to the login page (with no token, as a form sent after its session ended); nothing is written.
        check("POST /admin/cases/{own}/notes", new Object[]{"", 302, 302, 404, 302, 302}, got, report, wrong);

        Files.createDirectories(Path.of("target"));
        Files.write(Path.of("target/authorisation-matrix.txt"), report, StandardCharsets.UTF_8);
        assertThat(wrong).as("endpoints answering a role other than the rules say").isEmpty();
        assertThat(jdbc.sql("select count(*) from case_note where case_id = :id").param("id", own).query(Long.class).single())
                .as("notes written by the own officer, the coordinator and the administrator only").isEqualTo(3);
    }

    private static void check(String name, Object[] expected, List<String> got, List<String> report, List<String> wrong) {
        List<String> want = new ArrayList<>();
        for (int i = 1; i < expected.length; i++) {
            want.add(expected[i].toString());
        }
        report.add(String.format("%-58s %s", name, String.join(" | ", got)));
        if (!want.equals(got)) {
            wrong.add(name + ": expected " + want + ", got " + got);
        }
    }

    private HttpResponse<String> basic(String path, String credentials) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url(path)))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
    }
}
