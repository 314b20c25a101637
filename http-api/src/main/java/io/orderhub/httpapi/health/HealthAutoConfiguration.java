package io.orderhub.httpapi.health;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.boot.health.autoconfigure.actuate.endpoint.HealthEndpointAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/** {@code /health}, {@code /api/v1/health}, and the connection pool in the health of services with a database. */
@AutoConfiguration(
        after = HealthEndpointAutoConfiguration.class,
        afterName = "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration")
@ConditionalOnBean(HealthEndpoint.class)
@Import(HealthController.class)
public class HealthAutoConfiguration {

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(HikariDataSource.class)
    @ConditionalOnBean(HikariDataSource.class)
    static class PoolHealth {

        @Bean
        ConnectionPoolHealthIndicator poolHealthIndicator(HikariDataSource dataSource) {
            return new ConnectionPoolHealthIndicator(dataSource);
        }
    }
}
