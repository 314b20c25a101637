package io.orderhub.schemas.compat;

import static org.assertj.core.api.Assertions.assertThat;

import io.orderhub.schemas.EventTopic;
import io.orderhub.schemas.ReleasedSchemas;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CompatibilityCheckTest {

    private static final String RELEASED_V1 = """
            {"type": "record", "name": "Sample", "namespace": "io.orderhub.events", "fields": [
              {"name": "id", "type": "string"}
            ]}""";

    @TempDir
    Path released;

    @Test
    void acceptsAnAddedFieldWithADefault() throws Exception {
        Files.writeString(released.resolve("Sample-v1.avsc"), RELEASED_V1);
        Schema current = parse("""
                {"type": "record", "name": "Sample", "namespace": "io.orderhub.events", "fields": [
                  {"name": "id", "type": "string"},
                  {"name": "note", "type": ["null", "string"], "default": null}
                ]}""");

        assertThat(CompatibilityCheck.check(released, List.of(current))).isEmpty();
    }

    @Test
    void rejectsAnAddedFieldWithoutADefault() throws Exception {
        Files.writeString(released.resolve("Sample-v1.avsc"), RELEASED_V1);
        Schema current = parse("""
                {"type": "record", "name": "Sample", "namespace": "io.orderhub.events", "fields": [
                  {"name": "id", "type": "string"},
                  {"name": "amount", "type": "long"}
                ]}""");

        assertThat(CompatibilityCheck.check(released, List.of(current)))
                .singleElement()
                .asString()
                .contains("Sample-v1.avsc")
                .contains("amount");
    }

    @Test
    void rejectsAChangedFieldType() throws Exception {
        Files.writeString(released.resolve("Sample-v1.avsc"), RELEASED_V1);
        Schema current = parse("""
                {"type": "record", "name": "Sample", "namespace": "io.orderhub.events", "fields": [
                  {"name": "id", "type": "long"}
                ]}""");

        assertThat(CompatibilityCheck.check(released, List.of(current))).hasSize(1);
    }

    @Test
    void currentEventSchemasReadEveryReleasedVersion() {
        assertThat(CompatibilityCheck.check(Path.of("released"), CompatibilityCheck.currentSchemas()))
                .isEmpty();
    }

    @Test
    void everyTopicHasItsFirstVersionReleasedInTheJar() {
        for (EventTopic topic : EventTopic.values()) {
            assertThat(ReleasedSchemas.of(topic))
                    .as(topic.topicName())
                    .isNotEmpty()
                    .first()
                    .satisfies(v1 -> assertThat(v1.getFullName())
                            .isEqualTo(topic.valueSchema().getFullName()));
        }
    }

    private static Schema parse(String json) {
        return new Schema.Parser().parse(json);
    }
}
