package io.orderhub.payments.providerevent;

import io.orderhub.events.ProviderEvent;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

@Component
class ProviderEventListener {

    private final ApplyProviderEvent applyProviderEvent;

    ProviderEventListener(ApplyProviderEvent applyProviderEvent) {
        this.applyProviderEvent = applyProviderEvent;
    }

    @KafkaListener(topics = "orderhub.provider-events.v1")
    void on(ProviderEvent event) {
        applyProviderEvent.apply(event);
    }
}
