package io.orderhub.orders;

import java.time.Clock;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

@SpringBootApplication
public class OrderServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(OrderServiceApplication.class, args);
    }

    /** The time of every change; UTC, and one place to fix it in tests that need to. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
