package vn.kontum.hotline.support;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import org.springframework.jdbc.datasource.DelegatingDataSource;

/** The application's database, counting the connections taken from it: to show that something asks it nothing. */
public final class CountingDataSource extends DelegatingDataSource {

    private final AtomicInteger connections = new AtomicInteger();

    public CountingDataSource(DataSource target) {
        super(target);
    }

    @Override
    public Connection getConnection() throws SQLException {
        connections.incrementAndGet();
        return super.getConnection();
    }

    public int connections() {
        return connections.get();
    }

    public void reset() {
        connections.set(0);
    }
}
