package vn.kontum.hotline.resilience;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;

import vn.kontum.hotline.support.TestEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/** The PostgreSQL database of a test's hotline processes, read directly (not through the hotline, which may be cut off). */
final class SharedDatabase {

    private final String database;

    SharedDatabase(String name) {
        this.database = TestEnvironment.database(name);
    }

    Connection connect() throws Exception {
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/" + database,
                System.getProperty("hotline.test.pg-user", "postgres"), "");
    }

    /** No message waiting to be processed, no reply waiting to be sent: no duplicate can still come. */
    boolean nothingLeftToDo() throws Exception {
        return single("select count(*) from message where state in ('ACCEPTED', 'QUEUED', 'SENDING')") == 0;
    }

    long answeredCases() throws Exception {
        return single("select count(distinct case_id) from message where direction = 'OUT' and state = 'SENT'");
    }

    void assertEachCaseHasOneMessageAndOneReply(int cases) throws Exception {
        try (Connection c = connect(); Statement s = c.createStatement(); ResultSet r = s.executeQuery("""
                select case_id, count(*) filter (where direction = 'IN') as ins,
                       count(*) filter (where direction = 'OUT') as outs,
                       count(*) filter (where direction = 'OUT' and state = 'SENT') as sent
                from message group by case_id""")) {
            int seen = 0;
            while (r.next()) {
                seen++;
                assertThat(r.getLong("case_id")).as("every message in a case").isPositive();
                assertThat(r.getLong("ins")).as("case %s messages", r.getLong("case_id")).isEqualTo(1);
                assertThat(r.getLong("outs")).as("case %s replies", r.getLong("case_id")).isEqualTo(1);
                assertThat(r.getLong("sent")).as("case %s replies sent", r.getLong("case_id")).isEqualTo(1);
            }
            assertThat(seen).as("cases").isEqualTo(cases);
        }
    }

    private long single(String sql) throws Exception {
        try (Connection c = connect(); Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        }
    }
}
