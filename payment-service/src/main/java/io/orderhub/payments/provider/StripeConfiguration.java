package io.orderhub.payments.provider;

import com.stripe.StripeClient;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
class StripeConfiguration {

    @Bean
    StripeClient stripeClient(ProviderSettings settings) {
        return StripeProvider.client(settings);
    }
}
