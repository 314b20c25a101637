package io.orderhub.console.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;

/** The console logs in to Kafka as the services do on Kubernetes: TLS, SCRAM, the cluster CA as PEM. */
class KafkaReadsConfigTest {

    @Test
    void takesSpringBootsSecuritySettingsAtTheConsolesBootstrapServers() {
        KafkaProperties kafka = new KafkaProperties();
        kafka.setBootstrapServers(java.util.List.of("localhost:9092"));
        kafka.getSecurity().setProtocol("SASL_SSL");
        kafka.getProperties().put("sasl.mechanism", "SCRAM-SHA-512");
        kafka.getProperties()
                .put("sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule required;");
        kafka.getSsl().setTrustStoreType("PEM");
        kafka.getSsl().setTrustStoreCertificates("-----BEGIN CERTIFICATE-----");

        Map<String, Object> config = KafkaReads.adminConfig("orderhub-kafka-bootstrap:9093", kafka);

        assertThat(config)
                .containsEntry("bootstrap.servers", "orderhub-kafka-bootstrap:9093")
                .containsEntry("security.protocol", "SASL_SSL")
                .containsEntry("sasl.mechanism", "SCRAM-SHA-512")
                .containsEntry("ssl.truststore.type", "PEM")
                .containsEntry("ssl.truststore.certificates", "-----BEGIN CERTIFICATE-----")
                .containsEntry("client.id", "admin-console");
        assertThat(config.get("sasl.jaas.config")).asString().contains("ScramLoginModule");
    }
}
