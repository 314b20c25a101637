package io.orderhub.webhooks.intake;

import io.orderhub.events.Provider;

/** Kafka did not acknowledge the event in time; the provider must retry the delivery. */
public class BrokerUnavailable extends RuntimeException {

    private final Provider provider;

    BrokerUnavailable(Provider provider, String message, Throwable cause) {
        super(message, cause);
        this.provider = provider;
    }

    public Provider provider() {
        return provider;
    }
}
