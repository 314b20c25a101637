package io.orderhub.bench.outbox;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.orderhub.messaging.outbox.Outbox;
import io.orderhub.schemas.serde.AvroSerializer;
import org.jooq.DSLContext;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * A minimal service around the messaging module, configured like the services (it imports
 * {@code orderhub-messaging.yml}): the outbox, its relay and Kafka wiring come from the module's
 * auto-configuration unchanged. No component scan: the beans below are all there is.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
class RelayBenchApplication {

    /** The services get one from Boot's metrics auto-configuration; here it holds the relay's lag timer. */
    @Bean
    MeterRegistry meterRegistry() {
        return new SimpleMeterRegistry();
    }

    @Bean
    OrderEvents orderEvents(AvroSerializer orderhubEventSerializer, @Value("${bench.payload-bytes}") int payloadBytes) {
        return new OrderEvents(orderhubEventSerializer, payloadBytes);
    }

    @Bean
    AppendOrderEvent appendOrderEvent(DSLContext db, Outbox outbox, OrderEvents orderEvents) {
        return new AppendOrderEvent(db, outbox, orderEvents, AckTracker.INSTANCE);
    }

    @Bean
    PreloadBacklog preloadBacklog(Outbox outbox, OrderEvents orderEvents) {
        return new PreloadBacklog(outbox, orderEvents);
    }
}
