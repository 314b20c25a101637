package io.orderhub.webhooks;

import java.time.Clock;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;

@SpringBootApplication
@ConfigurationPropertiesScan
public class WebhookGatewayApplication {

    public static void main(String[] args) {
        SpringApplication.run(WebhookGatewayApplication.class, args);
    }

    /** Time of receipt and of Stripe's timestamp tolerance; tests replace it to verify old test vectors. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
