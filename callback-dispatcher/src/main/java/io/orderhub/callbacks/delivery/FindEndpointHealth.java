package io.orderhub.callbacks.delivery;

import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Endpoint health from the attempts held, per endpoint; a channel's key sees its own channel's only. */
@Service
public class FindEndpointHealth {

    private final DeliveryRepository deliveries;

    FindEndpointHealth(DeliveryRepository deliveries) {
        this.deliveries = deliveries;
    }

    /** By endpoint name; endpoints without attempts are absent. */
    @Transactional(readOnly = true)
    public List<EndpointHealth> all(Caller caller) {
        return deliveries.health(caller.seesAllChannels() ? null : caller.channel());
    }
}
