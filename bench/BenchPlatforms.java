import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * The benchmark's stand-ins for the platforms, run with the JDK alone (`java bench/BenchPlatforms.java ...`):
 * <ul>
 * <li>{@code serve PORT}: answers the Telegram Bot API ({@code /bot<token>/<method>}) and the Zalo OA API
 * ({@code /v3.0/oa/message/cs}, {@code /v4/oa/access_token}) as the platforms do when all is well, so that the
 * hotline's replies to the load leave without errors; {@code GET /sent} tells how many messages each has taken
 * ({@code telegram=N zalo=M}), so that the benchmark can wait until a burst's replies have left;</li>
 * <li>{@code zalo-events N APP_ID OA_SECRET_KEY FILE}: writes N {@code user_send_text} events, one a line as
 * {@code signature<TAB>body}, each signed as Zalo signs (SHA-256 of app id + body + timestamp + OA secret key),
 * from 512 users, for wrk to send (bench/zalo.lua).</li>
 * </ul>
 */
public class BenchPlatforms {

    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "serve" -> serve(Integer.parseInt(args[1]));
            case "zalo-events" -> zaloEvents(Integer.parseInt(args[1]), args[2], args[3], Path.of(args[4]));
            default -> throw new IllegalArgumentException("serve PORT | zalo-events N APP_ID OA_SECRET_KEY FILE");
        }
    }

    private static void zaloEvents(int n, String appId, String oaSecretKey, Path file) throws Exception {
        String[] texts = Files.readAllLines(Path.of("bench/texts.txt"), StandardCharsets.UTF_8).toArray(String[]::new);
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        long timestamp = System.currentTimeMillis();
        String run = Long.toString(timestamp, 36);
        try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8))) {
            for (int i = 0; i < n; i++) {
                String body = ("{\"app_id\":\"%s\",\"sender\":{\"id\":\"84%09d\"},\"user_id_by_app\":\"552177279717587730\","
                        + "\"recipient\":{\"id\":\"579745863508352884\"},\"event_name\":\"user_send_text\","
                        + "\"message\":{\"text\":\"%s\",\"msg_id\":\"%s%08d\"},\"timestamp\":\"%d\"}")
                        .formatted(appId, i % 512, texts[i % texts.length], run, i, timestamp);
                byte[] mac = sha.digest((appId + body + timestamp + oaSecretKey).getBytes(StandardCharsets.UTF_8));
                out.print(HexFormat.of().formatHex(mac));
                out.print('\t');
                out.print(body);
                out.print('\n');
            }
        }
    }

    private static void serve(int port) throws IOException {
        AtomicLong ids = new AtomicLong();
        AtomicLong telegramSent = new AtomicLong();
        AtomicLong zaloSent = new AtomicLong();
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 256);
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            exchange.getRequestBody().readAllBytes();
            long id = ids.incrementAndGet();
            if (path.startsWith("/bot")) {
                String method = path.substring(path.lastIndexOf('/') + 1).toLowerCase();
                answer(exchange, switch (method) {
                    case "getme" -> "{\"ok\":true,\"result\":{\"id\":1,\"is_bot\":true,\"first_name\":\"Hotline\",\"username\":\"hotline_bench_bot\"}}";
                    case "sendmessage" -> {
                        telegramSent.incrementAndGet();
                        yield "{\"ok\":true,\"result\":{\"message_id\":%d,\"date\":%d,\"chat\":{\"id\":1,\"type\":\"private\"},\"text\":\"ok\"}}"
                            .formatted(id, System.currentTimeMillis() / 1000);
                    }
                    default -> "{\"ok\":true,\"result\":true}";
                });
            } else if (path.equals("/v3.0/oa/message/cs")) {
                zaloSent.incrementAndGet();
                answer(exchange, "{\"data\":{\"message_id\":\"bench%d\",\"user_id\":\"1\"},\"error\":0,\"message\":\"Success\"}".formatted(id));
            } else if (path.equals("/sent")) {
                answer(exchange, "telegram=%d zalo=%d".formatted(telegramSent.get(), zaloSent.get()));
            } else if (path.equals("/v4/oa/access_token")) {
                answer(exchange, "{\"access_token\":\"bench-access-%d\",\"refresh_token\":\"bench-refresh-%d\",\"expires_in\":\"90000\"}".formatted(id, id));
            } else {
                exchange.sendResponseHeaders(404, -1);
                exchange.close();
            }
        });
        server.start();
    }

    private static void answer(HttpExchange exchange, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
