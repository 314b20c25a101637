package io.orderhub.schemas.registry;

import static org.assertj.core.api.Assertions.assertThat;

import io.orderhub.schemas.EventTopic;
import org.junit.jupiter.api.Test;

class MockSchemaRegistryTest {

    @Test
    void derivesTheSameIdForTheSameSchemaInSeparateRegistries() {
        // Two instances stand for two service processes that never talk to each other.
        MockSchemaRegistry orderService = new MockSchemaRegistry();
        MockSchemaRegistry callbackDispatcher = new MockSchemaRegistry();

        for (EventTopic topic : EventTopic.values()) {
            int written = orderService.register(topic.valueSubject(), topic.valueSchema());
            assertThat(callbackDispatcher.schemaById(written)).isEqualTo(topic.valueSchema());
        }
    }

    @Test
    void givesEveryEventSchemaItsOwnId() {
        MockSchemaRegistry registry = new MockSchemaRegistry();

        long distinctIds = java.util.stream.Stream.of(EventTopic.values())
                .map(t -> registry.register(t.valueSubject(), t.valueSchema()))
                .distinct()
                .count();

        assertThat(distinctIds).isEqualTo(EventTopic.values().length);
    }

    @Test
    void sharesOneRegistryPerMockScope() {
        assertThat(SchemaRegistries.forUrl("mock://a")).isSameAs(SchemaRegistries.forUrl("mock://a"));
        assertThat(SchemaRegistries.forUrl("mock://a")).isNotSameAs(SchemaRegistries.forUrl("mock://b"));
    }
}
