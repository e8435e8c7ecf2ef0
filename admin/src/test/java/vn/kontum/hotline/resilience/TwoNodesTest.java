package vn.kontum.hotline.resilience;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import vn.kontum.hotline.support.ChatWoman;
import vn.kontum.hotline.support.FakeZalo;
import vn.kontum.hotline.support.HotlineProcess;
import vn.kontum.hotline.support.TestEnvironment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Two hotline nodes on one PostgreSQL and one Redis, started together on an empty database, as a deployment with
 * two replicas does. A few hundred messages spread over both, on the web chat and Zalo: each is processed once
 * and answered once, whichever node took it in, and the Zalo access token, due for refresh on both nodes from
 * their first reply on, is refreshed by one node only (Zalo's refresh token is good for one use).
 */
class TwoNodesTest {

    private static final String DATABASE = "hotline_two_nodes";
    private static final String PASSWORD = "two-nodes-password";
    private static final int WEB_WOMEN = 200;
    private static final int ZALO_USERS = 100;

    @Test
    void messages_spread_over_two_nodes_are_each_answered_once_and_the_zalo_token_is_refreshed_once() throws Exception {
        assumeTrue(TestEnvironment.postgres(), "nodes share PostgreSQL; the embedded H2 files belong to one process");
        CrashRecoveryTest.freshPostgresDatabase(TestEnvironment.database(DATABASE));
        TestEnvironment.flushRedis(6);
        try (FakeZalo zalo = new FakeZalo()) {
            // Both nodes queue Zalo replies while the one refresh is under way.
            zalo.slowRefreshes(2_000);
            Path logs = TestEnvironment.tempDir();
            CompletableFuture<HotlineProcess> startingA = CompletableFuture.supplyAsync(() -> node(zalo, logs, "a"));
            CompletableFuture<HotlineProcess> startingB = CompletableFuture.supplyAsync(() -> node(zalo, logs, "b"));
            CompletableFuture.allOf(startingA, startingB).exceptionally(failed -> null).join();
            try (HotlineProcess a = startingA.join(); HotlineProcess b = startingB.join()) {
                List<HotlineProcess> nodes = List.of(a, b);
                List<ChatWoman> women = new ArrayList<>();
                List<String> zaloUsers = new ArrayList<>();
                try (ExecutorService senders = Executors.newFixedThreadPool(8)) {
                    List<Future<Integer>> answers = new ArrayList<>();
                    for (int i = 0; i < Math.max(WEB_WOMEN, ZALO_USERS); i++) {
                        HotlineProcess node = nodes.get(i % 2);
                        if (i < ZALO_USERS) {
                            String user = Long.toString(7_810_000_000_000_000_000L + i);
                            zaloUsers.add(user);
                            answers.add(senders.submit(() -> zaloWrites(node, user)));
                        }
                        if (i < WEB_WOMEN) {
                            ChatWoman woman = new ChatWoman("n" + i, "em cần giúp đỡ, em ở thôn số " + i);
                            women.add(woman);
                            answers.add(senders.submit(() -> woman.open(node.url("")).send(node.url(""), Duration.ofSeconds(30)).statusCode()));
                        }
                    }
                    for (Future<Integer> answer : answers) {
                        assertThat(answer.get()).isIn(200, 202);
                    }
                }

                SharedDatabase database = new SharedDatabase(DATABASE);
                int cases = WEB_WOMEN + ZALO_USERS;
                await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1))
                        .until(() -> database.nothingLeftToDo() && database.answeredCases() == cases);
                database.assertEachCaseHasOneMessageAndOneReply(cases);
                for (int i = 0; i < women.size(); i++) {
                    // read on the other node than the one she wrote to: the conversation is the hotline's, not a node's
                    HotlineProcess other = nodes.get((i + 1) % 2);
                    assertThat(women.get(i).answers(other.url(""))).as("answers woman %s sees", i).isEqualTo(1);
                }
                for (String user : zaloUsers) {
                    OneAnswer.received(zalo.sentTo(user).stream().map(s -> s.text()).toList(), "zalo user " + user);
                }
                assertThat(zalo.refreshCalls()).as("refreshes of the Zalo token").isEqualTo(1);

                // Both nodes took messages in and sent Zalo replies (their logs, which carry ids only, say which).
                for (String log : List.of("a.log", "b.log")) {
                    String text = Files.readString(logs.resolve(log));
                    assertThat(count(text, "step=")).as("messages processed by node %s", log).isPositive();
                    assertThat(count(text, "channel=zalo attempt=")).as("zalo replies sent by node %s", log).isPositive();
                }
                assertThat(count(Files.readString(logs.resolve("a.log")) + Files.readString(logs.resolve("b.log")),
                        "zalo access token refreshed")).isEqualTo(1);
            } finally {
                for (CompletableFuture<HotlineProcess> node : List.of(startingA, startingB)) {
                    if (!node.isCompletedExceptionally()) {
                        node.join().close(); // again, harmless; needed when the other one failed to start
                    }
                }
            }
        }
    }

    private static HotlineProcess node(FakeZalo zalo, Path logs, String name) {
        Path dataDir;
        try {
            dataDir = Files.createDirectories(logs.resolve(name));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        Map<String, String> properties = new HashMap<>(TestEnvironment.properties(DATABASE, 6, dataDir, 0));
        properties.put("hotline.admin-password", PASSWORD);
        properties.put("hotline.webchat.per-address-per-minute", "0");
        properties.put("hotline.queue.requeue-after", "PT5S");
        properties.put("hotline.queue.claim-after", "PT5S");
        properties.put("hotline.queue.sweep-every", "PT1S");
        properties.putAll(zalo.properties());
        // The first token is taken as 23 hours old at most: refreshing a day ahead makes it due at once on both nodes.
        properties.put("hotline.zalo.refresh-ahead", "PT24H");
        properties.put("logging.level.vn.kontum.hotline.delivery.DeliveryWorker", "DEBUG");
        try {
            return HotlineProcess.start(TestEnvironment.freePort(), properties, logs.resolve(name + ".log"));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int zaloWrites(HotlineProcess node, String user) throws Exception {
        String ts = FakeZalo.now();
        byte[] body = FakeZalo.userSendsText(user, "two" + user.substring(user.length() - 3), "chị ơi em muốn hỏi vay vốn", ts)
                .getBytes(StandardCharsets.UTF_8);
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(node.url("/webhooks/zalo"))).timeout(Duration.ofSeconds(30))
                        .header("Content-Type", "application/json").header("X-ZEvent-Signature", FakeZalo.signature(body, ts))
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static int count(String text, String what) {
        int n = 0;
        for (int at = text.indexOf(what); at >= 0; at = text.indexOf(what, at + what.length())) {
            n++;
        }
        return n;
    }
}
