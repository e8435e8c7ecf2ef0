package vn.kontum.hotline;

import com.zaxxer.hikari.HikariDataSource;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.stereotype.Component;

/**
 * Bounds on PostgreSQL, set on every connection: a lock waited for at most 30 s (the case row an officer's action
 * and a woman's message both lock), a transaction left idle at most 60 s. The web chat's cursor counts on no
 * line staying uncommitted for two minutes while a newer one is visible (ChatThreads); without these a stuck
 * transaction could commit a reply later than that, and her page would never show it. H2 has its own lock timeout.
 */
@Component
class PostgresSessionLimits implements BeanPostProcessor {

    static final String LIMITS = "set lock_timeout = '30s'; set idle_in_transaction_session_timeout = '60s'";

    @Override
    public Object postProcessBeforeInitialization(Object bean, String beanName) {
        if (bean instanceof HikariDataSource hikari && hikari.getJdbcUrl() != null && hikari.getJdbcUrl().startsWith("jdbc:postgresql:")
                && hikari.getConnectionInitSql() == null) {
            hikari.setConnectionInitSql(LIMITS);
        }
        return bean;
    }
}
