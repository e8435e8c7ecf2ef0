package vn.kontum.hotline.support;

import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * An officer's browser as far as HTTP goes: keeps its cookies, does not follow redirects (tests look at them),
 * and sends the CSRF token that the pages' forms carry, as a browser submitting those forms would.
 */
public final class OfficerClient {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private final String base;
    private final CookieManager cookies = new CookieManager();
    private final HttpClient http;
    private final String forwardedFor;

    public OfficerClient(String base) {
        this(base, null);
    }

    private OfficerClient(String base, String forwardedFor) {
        this.base = base;
        this.forwardedFor = forwardedFor;
        this.http = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** A browser at {@code address}, as the hotline sees it behind a reverse proxy that says so in X-Forwarded-For. */
    public static OfficerClient at(String base, String address) {
        return new OfficerClient(base, address);
    }

    /** Opens the login page and submits it; returns the answer (a redirect to /admin when it worked). */
    public HttpResponse<String> login(String username, String password) {
        String token = token(get("/login").body());
        return postForm("/login", Map.of("username", username, "password", password, "_csrf", token));
    }

    public static OfficerClient loggedIn(String base, String username, String password) {
        OfficerClient client = new OfficerClient(base);
        HttpResponse<String> answer = client.login(username, password);
        if (answer.statusCode() != 302 || !answer.headers().firstValue("Location").orElse("").endsWith("/admin")) {
            throw new IllegalStateException("login of " + username + " failed: " + answer.statusCode() + " "
                    + answer.headers().firstValue("Location").orElse(""));
        }
        return client;
    }

    public HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Accept", "text/html").GET().build());
    }

    /** A GET of anything, as a monitoring tool sends it with the officer's session (no page asked for). */
    public HttpResponse<String> fetch(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Accept", "*/*").GET().build());
    }

    /** A GET as htmx sends it when it refreshes part of a page. */
    public HttpResponse<String> htmx(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Accept", "text/html").header("HX-Request", "true")
                .GET().build());
    }

    /** Opens a server-sent events stream as a page's EventSource does; read it while it stays open. */
    public EventStream events(String path) {
        return EventStream.open(http, URI.create(base + path));
    }

    /** Submits a form of the officer's pages, with the CSRF token of the inbox page's logout form. */
    public HttpResponse<String> post(String path, Map<String, String> fields) {
        Map<String, String> all = new LinkedHashMap<>(fields);
        all.put("_csrf", token(get("/admin").body()));
        return postForm(path, all);
    }

    /** Submits a form and follows its redirect, as a browser does: returns the page shown next. */
    public HttpResponse<String> submit(String path, Map<String, String> fields) {
        HttpResponse<String> answer = post(path, fields);
        String location = answer.headers().firstValue("Location").orElse(null);
        if (answer.statusCode() != 302 || location == null) {
            return answer;
        }
        return get(location.startsWith("http") ? URI.create(location).getRawPath() : location);
    }

    /** Uploads a file as a form with {@code enctype="multipart/form-data"} does, with the CSRF token. */
    public HttpResponse<String> upload(String path, String field, String fileName, byte[] content) {
        String token = token(get("/admin").body());
        String boundary = "----hotline" + System.nanoTime();
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        String head = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + token + "\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field + "\"; filename=\"" + fileName + "\"\r\n"
                + "Content-Type: text/csv\r\n\r\n";
        body.writeBytes(head.getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .header("Accept", "text/html").POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build());
    }

    public HttpResponse<String> post(String path) {
        return post(path, Map.of());
    }

    /** Posts exactly these fields, without adding a token. */
    public HttpResponse<String> postForm(String path, Map<String, String> fields) {
        String body = fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "text/html").POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    public Optional<String> sessionId() {
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("JSESSIONID")).map(HttpCookie::getValue)
                .findFirst();
    }

    public static String token(String page) {
        Matcher m = CSRF.matcher(page);
        if (!m.find()) {
            throw new IllegalStateException("no CSRF token on the page");
        }
        return m.group(1);
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            if (forwardedFor != null) {
                request = HttpRequest.newBuilder(request, (name, value) -> true).header("X-Forwarded-For", forwardedFor).build();
            }
            return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
