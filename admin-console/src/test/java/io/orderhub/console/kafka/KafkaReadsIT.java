package io.orderhub.console.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.orderhub.console.kafka.KafkaReads.Backlog;
import io.orderhub.console.kafka.KafkaReads.GroupLag;
import io.orderhub.testsupport.TestKafka;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;

/**
 * Consumer lag and dead letters as the console reads them from the real broker: a group that committed part
 * of two partitions lags by the rest; the records on a {@code .DLT} topic are its dead letters.
 */
class KafkaReadsIT {

    static final String TOPIC = "overview-it.events";
    static final String GROUP = "overview-it-consumer";

    @Test
    void readsLagPerGroupAndTheRecordsOnTheDeadLetterTopics() throws Exception {
        String servers = TestKafka.bootstrapServers();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, servers))) {
            admin.createTopics(List.of(new NewTopic(TOPIC, 2, (short) 1), new NewTopic(TOPIC + ".DLT", 2, (short) 1)))
                    .all()
                    .get();
            publish(servers, TOPIC, 0, 4);
            publish(servers, TOPIC, 1, 3);
            publish(servers, TOPIC + ".DLT", 1, 2);
            // The group committed 3 of partition 0's 4 records and 1 of partition 1's 3.
            admin.alterConsumerGroupOffsets(
                            GROUP,
                            Map.of(
                                    new TopicPartition(TOPIC, 0), new OffsetAndMetadata(3),
                                    new TopicPartition(TOPIC, 1), new OffsetAndMetadata(1)))
                    .all()
                    .get();
        }
        KafkaReads reads = new KafkaReads(servers, new KafkaProperties());
        try {
            Backlog backlog = reads.read();

            assertThat(backlog.groups()).contains(new GroupLag(GROUP, 3, 2));
            assertThat(backlog.deadLettered()).isEqualTo(2);
            assertThat(backlog.deadLetterTopics()).isEqualTo(1);
        } finally {
            reads.destroy();
        }
    }

    @Test
    void isNotConfiguredWithoutBootstrapServersAndReadsNothing() {
        KafkaReads reads = new KafkaReads("", new KafkaProperties());

        assertThat(reads.configured()).isFalse();
        assertThatThrownBy(reads::read)
                .isInstanceOf(KafkaReads.Unavailable.class)
                .hasMessageContaining("ADMIN_CONSOLE_KAFKA_BOOTSTRAP_SERVERS");
    }

    private static void publish(String servers, String topic, int partition, int count) throws Exception {
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, servers);
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config)) {
            for (int i = 0; i < count; i++) {
                producer.send(new ProducerRecord<>(topic, partition, "key-" + i, "value-" + i))
                        .get();
            }
        }
    }
}
