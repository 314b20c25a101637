package io.orderhub.orders;

import java.time.Clock;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.jooq.autoconfigure.DefaultConfigurationCustomizer;
import org.springframework.context.annotation.Bean;

@SpringBootApplication
public class OrderServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(OrderServiceApplication.class, args);
    }

    /**
     * jOOQ binds {@code timestamptz} values as {@link java.time.OffsetDateTime} through JDBC instead of
     * formatting them to strings first; a JFR profile of order creation showed that formatting among the
     * hottest jOOQ frames (every write here carries timestamps).
     */
    @Bean
    DefaultConfigurationCustomizer bindTimestampsNatively() {
        return configuration -> configuration.settings().withBindOffsetDateTimeType(true);
    }

    /** The time of every change; UTC, and one place to fix it in tests that need to. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
