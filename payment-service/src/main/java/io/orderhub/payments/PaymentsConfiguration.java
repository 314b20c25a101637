package io.orderhub.payments;

import io.orderhub.payments.payment.PaymentSettings;
import io.orderhub.payments.provider.ProviderSettings;
import io.orderhub.payments.reconciliation.ReconciliationSettings;
import java.time.Clock;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
@EnableConfigurationProperties({PaymentSettings.class, ProviderSettings.class, ReconciliationSettings.class})
class PaymentsConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
