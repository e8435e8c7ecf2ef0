package vn.kontum.hotline.admin;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
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

/** Two officers of one office and one case: neither takes it from the other without seeing that she holds it. */
class ConsoleTakeCaseTest extends HotlineIntegrationTest {

    private static final String TAKEN = "Bạn đã nhận xử lý trường hợp này.";

    @Autowired
    Accounts accounts;
    @Autowired
    PasswordEncoder encoder;

    @BeforeEach
    void officers() {
        Officers.ensure(accounts, encoder, jdbc, "take-lan", "pw-take-lan", "Chị Lan", Officers.WOMENS_UNION);
        Officers.ensure(accounts, encoder, jdbc, "take-mai", "pw-take-mai", "Chị Mai", Officers.WOMENS_UNION);
    }

    @Test
    void the_later_press_on_a_case_a_colleague_took_shows_her_name_and_takes_it_only_when_confirmed() {
        long caseId = telegramCase(721_001, "Hiền", "chồng em đánh em, em sợ lắm");
        String base = "/admin/cases/" + caseId;
        OfficerClient lan = OfficerClient.loggedIn(url(""), "take-lan", "pw-take-lan");
        OfficerClient mai = OfficerClient.loggedIn(url(""), "take-mai", "pw-take-mai");
        assertThat(mai.get(base).body()).contains("Chưa có ai nhận").contains("Tôi nhận xử lý"); // Mai's page: nobody has it

        assertThat(lan.submit(base + "/assign", Map.of()).body()).contains(TAKEN);
        String refused = mai.submit(base + "/assign", Map.of()).body(); // from the page she had open

        assertThat(refused).doesNotContain(TAKEN)
                .contains("Chị Lan đã nhận xử lý trường hợp này, nên bạn chưa nhận.").contains("Vẫn nhận thay");
        assertThat(holder(caseId)).isEqualTo("Chị Lan");

        String takeOver = takeOverField(refused);
        String taken = mai.submit(base + "/assign", Map.of("takeOver", takeOver)).body();
        assertThat(taken).contains("Bạn đã nhận thay trường hợp này.").contains("nhận thay cán bộ khác");
        assertThat(holder(caseId)).isEqualTo("Chị Mai");
        assertThat(jdbc.sql("select count(*) from case_audit where case_id = :c and action_type = 'TAKE_OVER'").param("c", caseId)
                .query(Long.class).single()).isOne();

        // Lan's old confirmation names herself no longer: sent again, it does not take the case back silently.
        assertThat(lan.submit(base + "/assign", Map.of("takeOver", takeOver)).body())
                .contains("Chị Mai đã nhận xử lý trường hợp này, nên bạn chưa nhận.");
        assertThat(holder(caseId)).isEqualTo("Chị Mai");
    }

    @Test
    void of_two_officers_pressing_at_the_same_moment_one_takes_the_case_and_the_other_sees_who() throws Exception {
        for (int round = 0; round < 5; round++) {
            long caseId = telegramCase(721_010 + round, "Ngọc", "chồng em đánh em hôm qua");
            OfficerClient lan = OfficerClient.loggedIn(url(""), "take-lan", "pw-take-lan");
            OfficerClient mai = OfficerClient.loggedIn(url(""), "take-mai", "pw-take-mai");
            CyclicBarrier together = new CyclicBarrier(2);
            List<CompletableFuture<String>> presses = List.of(lan, mai).stream().map(o -> CompletableFuture.supplyAsync(() -> {
                try {
                    together.await();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
                return o.submit("/admin/cases/" + caseId + "/assign", Map.of()).body();
            })).toList();
            String lanSees = presses.get(0).get();
            String maiSees = presses.get(1).get();

            String winner = holder(caseId);
            String loserSees = winner.equals("Chị Lan") ? maiSees : lanSees;
            assertThat(winner.equals("Chị Lan") ? lanSees : maiSees).contains(TAKEN);
            assertThat(loserSees).doesNotContain(TAKEN).contains(winner + " đã nhận xử lý trường hợp này, nên bạn chưa nhận.");
        }
    }

    private String holder(long caseId) {
        return jdbc.sql("select a.display_name from help_case c join account a on a.id = c.assigned_officer_id where c.id = :c")
                .param("c", caseId).query(String.class).single();
    }

    private static String takeOverField(String page) {
        Matcher m = Pattern.compile("name=\"takeOver\" value=\"(\\d+)\"").matcher(page);
        assertThat(m.find()).as("the take-over button").isTrue();
        return m.group(1);
    }
}
