package io.orderhub.callbacks;

import java.time.Clock;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

@SpringBootApplication
@EnableConfigurationProperties(CallbackProperties.class)
public class CallbackDispatcherApplication {

    public static void main(String[] args) {
        SpringApplication.run(CallbackDispatcherApplication.class, args);
    }

    /** Retry times, leases and timestamps come from this clock, so tests can move time instead of waiting. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
