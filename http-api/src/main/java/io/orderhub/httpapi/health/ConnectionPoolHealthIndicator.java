package io.orderhub.httpapi.health;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/**
 * The connection pool as {@code pool} in the health: active, idle and total connections and the
 * threads waiting for one. Down when every connection is busy and requests queue for one — the
 * service is then saturated, whatever the database says.
 */
public class ConnectionPoolHealthIndicator extends AbstractHealthIndicator {

    private final HikariDataSource dataSource;

    public ConnectionPoolHealthIndicator(HikariDataSource dataSource) {
        super("Connection pool health check failed");
        this.dataSource = dataSource;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        HikariPoolMXBean pool = dataSource.getHikariPoolMXBean();
        if (pool == null) {
            builder.unknown().withDetail("pool", "not started");
            return;
        }
        boolean saturated = pool.getIdleConnections() == 0
                && pool.getTotalConnections() >= dataSource.getMaximumPoolSize()
                && pool.getThreadsAwaitingConnection() > 0;
        (saturated ? builder.down() : builder.up())
                .withDetail("active", pool.getActiveConnections())
                .withDetail("idle", pool.getIdleConnections())
                .withDetail("total", pool.getTotalConnections())
                .withDetail("max", dataSource.getMaximumPoolSize())
                .withDetail("awaiting", pool.getThreadsAwaitingConnection());
    }
}
