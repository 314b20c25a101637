package io.orderhub.callbacks.endpoint;

import java.time.Clock;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Sends callbacks to a disabled endpoint again; the deliveries held for it go out in order. */
@Service
public class EnableEndpoint {

    private static final Logger log = LoggerFactory.getLogger(EnableEndpoint.class);

    private final EndpointRepository endpoints;
    private final Clock clock;

    EnableEndpoint(EndpointRepository endpoints, Clock clock) {
        this.endpoints = endpoints;
        this.clock = clock;
    }

    @Transactional
    public Optional<EndpointStatus> enable(String name, String actor) {
        if (!endpoints.enable(name, clock.instant())) {
            return Optional.empty();
        }
        log.warn("Callback endpoint {} enabled again by {}", name, actor);
        return endpoints.find(name);
    }
}
