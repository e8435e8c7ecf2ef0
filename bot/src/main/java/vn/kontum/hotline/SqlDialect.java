package vn.kontum.hotline;

import java.sql.SQLException;
import java.util.Locale;

import javax.sql.DataSource;

/**
 * The few places where PostgreSQL and H2 (in PostgreSQL mode) need different SQL. Everything else is written
 * once for both.
 */
public enum SqlDialect {
    POSTGRESQL, H2;

    static SqlDialect of(DataSource dataSource) {
        try (var connection = dataSource.getConnection()) {
            return connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres") ? POSTGRESQL : H2;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot reach the database", e);
        }
    }

    /**
     * A row lock that does not hold up inserts referencing the row (PostgreSQL's NO KEY UPDATE; H2 has only
     * FOR UPDATE).
     */
    public String lockRowKeepingReferences() {
        return this == POSTGRESQL ? "for no key update" : "for update";
    }

    /**
     * Minutes (with their fraction) from {@code start} to {@code end}, as an SQL expression, the same on both: H2's
     * datediff('MINUTE') counts the minute boundaries crossed (2 seconds across one were a minute).
     */
    public String minutesBetween(String start, String end) {
        return "((extract(epoch from " + end + ") - extract(epoch from " + start + ")) / 60)";
    }
}
