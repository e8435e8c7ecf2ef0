package vn.kontum.hotline.admin.live;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.crypto.password.PasswordEncoder;

import vn.kontum.hotline.accounts.Accounts;
import vn.kontum.hotline.support.EventStream;
import vn.kontum.hotline.support.HotlineIntegrationTest;
import vn.kontum.hotline.support.HotlineProcess;
import vn.kontum.hotline.support.OfficerClient;
import vn.kontum.hotline.support.Officers;
import vn.kontum.hotline.support.TestEnvironment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Two nodes on one PostgreSQL and one Redis: the message is processed by this one (the other runs no workers),
 * the officers' pages are connected to the other, and the news reaches them there, each only her own cases.
 * PostgreSQL only: H2 files belong to one process.
 */
class ConsoleEventsAcrossNodesTest extends HotlineIntegrationTest {

    @Autowired
    Accounts accounts;
    @Autowired
    PasswordEncoder encoder;

    @Test
    void news_raised_on_one_node_reaches_the_officer_connected_to_another() throws Exception {
        assumeTrue(TestEnvironment.postgres(), "two nodes need a shared PostgreSQL");
        Officers.ensure(accounts, encoder, jdbc, "node-union", "pw-node-union", "Chị Hội", Officers.WOMENS_UNION);
        Officers.ensure(accounts, encoder, jdbc, "node-health", "pw-node-health", "Chị Y Tế", Officers.HEALTH_CENTRE);
        Path dataDir = TestEnvironment.tempDir();
        Map<String, String> properties = new HashMap<>(TestEnvironment.properties("test", 2, dataDir, TestEnvironment.freePort()));
        properties.put("hotline.workers.processing-threads", "0");
        properties.put("hotline.workers.delivery-threads", "0");
        // Its sweepers stay out of the way of this node's work during the test.
        properties.put("hotline.queue.sweep-every", "PT1H");
        properties.put("hotline.escalation.sweep-every", "PT1H");
        try (HotlineProcess other = HotlineProcess.start(TestEnvironment.freePort(), properties, dataDir.resolve("other-node.log"));
             EventStream union = OfficerClient.loggedIn(other.url(""), "node-union", "pw-node-union").events("/admin/events").awaitOpen();
             EventStream health = OfficerClient.loggedIn(other.url(""), "node-health", "pw-node-health").events("/admin/events").awaitOpen()) {
            long caseId = telegramCase(780_201, "Hằng", "chồng em đánh em, em phải làm sao");
            union.awaitData("{\"kind\":\"case\",\"case\":" + caseId + "}");
            union.awaitData("{\"kind\":\"delivery\",\"case\":" + caseId + "}");

            long hers = telegramCase(780_202, "Lan", "em có bầu 3 tháng rồi thì cần đi khám thai mấy lần ạ");
            health.awaitData("{\"kind\":\"case\",\"case\":" + hers + "}");
            assertThat(health.data()).noneMatch(d -> d.endsWith("\"case\":" + caseId + "}"));
            assertThat(union.raw() + health.raw()).doesNotContain("đánh", "Hằng", "780201", "khám thai");
        }
    }
}
