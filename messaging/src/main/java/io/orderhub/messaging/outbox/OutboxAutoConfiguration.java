package io.orderhub.messaging.outbox;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.orderhub.httpapi.periodic.PeriodicJob;
import io.orderhub.messaging.inbox.Inbox;
import io.orderhub.messaging.inbox.InboxPurge;
import io.orderhub.messaging.kafka.MessagingAutoConfiguration;
import io.orderhub.messaging.kafka.MessagingProperties;
import io.orderhub.schemas.serde.AvroSerializer;
import java.util.Map;
import javax.sql.DataSource;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jooq.DSLContext;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jooq.autoconfigure.JooqAutoConfiguration;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;

/** The outbox, its relay and the inbox, for services that own a database. */
@AutoConfiguration(after = {MessagingAutoConfiguration.class, JooqAutoConfiguration.class})
@ConditionalOnBean(DSLContext.class)
@EnableConfigurationProperties(OutboxProperties.class)
public class OutboxAutoConfiguration {

    @Bean
    OutboxRelay outboxRelay(
            DataSource dataSource,
            KafkaProperties kafka,
            OutboxProperties properties,
            ObjectProvider<MeterRegistry> meterRegistry) {
        Map<String, Object> config = kafka.buildProducerProperties();
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
        config.put(ProducerConfig.LINGER_MS_CONFIG, 1);
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int)
                properties.sendTimeout().toMillis());
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int)
                Math.min(properties.sendTimeout().toMillis(), 15_000));
        // A send waits this long for metadata while Kafka is unreachable (default 60 s): longer than
        // stop() waits for the relay's thread, which would then still hold the relay lock.
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, (int)
                Math.min(properties.sendTimeout().toMillis(), 15_000));
        config.putIfAbsent(ProducerConfig.CLIENT_ID_CONFIG, "outbox-relay");
        MeterRegistry registry = meterRegistry.getIfAvailable();
        return new OutboxRelay(
                dataSource,
                () -> new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer()),
                properties,
                registry == null ? OutboxMetrics.NONE : new OutboxMetrics(registry));
    }

    @Bean
    Outbox outbox(
            DSLContext db,
            AvroSerializer orderhubEventSerializer,
            ObjectProvider<TraceContextSource> traceContext,
            OutboxRelay relay) {
        return new Outbox(
                db, orderhubEventSerializer, traceContext.getIfAvailable(() -> TraceContextSource.NONE), relay::wakeUp);
    }

    @Bean
    OutboxBacklog outboxBacklog(DSLContext db, ObjectProvider<MeterRegistry> meterRegistry) {
        OutboxBacklog backlog = new OutboxBacklog(db);
        meterRegistry.ifAvailable(registry -> Gauge.builder("orderhub.outbox.backlog", backlog, OutboxBacklog::rows)
                .description("Outbox rows not yet acknowledged by Kafka")
                .register(registry));
        return backlog;
    }

    @Bean
    Inbox inbox(DSLContext db) {
        return new Inbox(db);
    }

    @Bean
    PeriodicJob inboxPurge(Inbox inbox, MessagingProperties properties) {
        return new PeriodicJob(
                "inbox-purge",
                properties.inbox().purgeInterval(),
                new InboxPurge(inbox, properties.inbox().retention()));
    }
}
