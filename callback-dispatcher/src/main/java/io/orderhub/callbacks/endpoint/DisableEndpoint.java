package io.orderhub.callbacks.endpoint;

import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** A receiver answered 410 Gone: the endpoint is disabled for every instance until it is enabled again. */
@Service
public class DisableEndpoint {

    private static final Logger log = LoggerFactory.getLogger(DisableEndpoint.class);

    private final EndpointRepository endpoints;
    private final Clock clock;

    DisableEndpoint(EndpointRepository endpoints, Clock clock) {
        this.endpoints = endpoints;
        this.clock = clock;
    }

    /** Runs in the transaction that records the 410; answers whether this call disabled it. */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean disable(String name, String url, String reason) {
        boolean disabled = endpoints.disable(name, url, reason, clock.instant());
        if (disabled) {
            log.error(
                    "Callback endpoint {} disabled: {} ({}). Enable it with POST /api/v1/callbacks/endpoints/{}/enable"
                            + " or by configuring another URL.",
                    name,
                    reason,
                    url,
                    name);
        }
        return disabled;
    }
}
