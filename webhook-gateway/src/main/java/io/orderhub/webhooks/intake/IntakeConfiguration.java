package io.orderhub.webhooks.intake;

import io.orderhub.schemas.serde.AvroSerializer;
import org.apache.avro.specific.SpecificRecord;
import org.springframework.boot.kafka.autoconfigure.DefaultKafkaProducerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.support.LoggingProducerListener;
import org.springframework.kafka.support.ProducerListener;

@Configuration(proxyBeanMethods = false)
class IntakeConfiguration {

    /**
     * The producer serialises with the messaging module's serializer, whose schemas were registered at
     * start-up: no schema-registry call happens while a provider waits for its answer, and a registry
     * that is down shows at start-up rather than as failed webhooks.
     */
    @Bean
    DefaultKafkaProducerFactoryCustomizer registeredEventSerializer(AvroSerializer orderhubEventSerializer) {
        return factory -> {
            @SuppressWarnings("unchecked")
            DefaultKafkaProducerFactory<String, SpecificRecord> events =
                    (DefaultKafkaProducerFactory<String, SpecificRecord>) factory;
            events.setValueSerializer(orderhubEventSerializer);
            events.setConfigureSerializers(false);
        };
    }

    /**
     * Boot's default listener logs a failed record's value, which here is a provider's payload. The
     * gateway logs failures itself, by provider event id; this keeps the key and the error only.
     */
    @Bean
    ProducerListener<Object, Object> kafkaProducerListener() {
        LoggingProducerListener<Object, Object> listener = new LoggingProducerListener<>();
        listener.setIncludeContents(false);
        return listener;
    }
}
