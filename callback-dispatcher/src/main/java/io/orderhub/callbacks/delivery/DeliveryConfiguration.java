package io.orderhub.callbacks.delivery;

import io.orderhub.callbacks.CallbackProperties;
import io.orderhub.httpapi.periodic.PeriodicJob;
import java.util.Random;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class DeliveryConfiguration {

    /** A bad CALLBACK_RETRY_SCHEDULE stops the start: guessing a schedule for money callbacks is worse. */
    @Bean
    RetrySchedule retrySchedule(CallbackProperties properties) {
        return RetrySchedule.parse(properties.retrySchedule(), new Random());
    }

    @Bean
    PeriodicJob deliveryPurgeJob(DeliveryPurge purge, CallbackProperties properties) {
        return new PeriodicJob("callback-delivery-purge", properties.purgeInterval(), purge::purge);
    }
}
