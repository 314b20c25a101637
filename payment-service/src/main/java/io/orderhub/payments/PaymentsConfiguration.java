package io.orderhub.payments;

import io.orderhub.httpapi.periodic.PeriodicJob;
import io.orderhub.payments.invoice.DunningSettings;
import io.orderhub.payments.invoice.SellerSettings;
import io.orderhub.payments.payment.PaymentSettings;
import io.orderhub.payments.provider.ProviderSettings;
import io.orderhub.payments.reconciliation.ReconciliationSettings;
import io.orderhub.payments.reconciliation.RunLeases;
import java.time.Clock;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

@Configuration
@EnableScheduling
@EnableConfigurationProperties({
    DunningSettings.class,
    PaymentSettings.class,
    ProviderSettings.class,
    ReconciliationSettings.class,
    SellerSettings.class
})
class PaymentsConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    /** Every third of the lease: renews this instance's reconciliation runs, fails those stopped instances left. */
    @Bean
    PeriodicJob reconciliationLeases(RunLeases leases, ReconciliationSettings settings) {
        return new PeriodicJob("reconciliation-leases", settings.lease().dividedBy(3), leases::renewAndSweep);
    }
}
