package io.orderhub.testsupport;

import org.opentest4j.TestAbortedException;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * The {@code testcontainers} profile: PostgreSQL and Kafka from the images docker-compose.yml runs, for
 * machines with a Docker engine. Without one, the tests are skipped, not failed.
 */
public final class ProductionImages {

    public static final String POSTGRES_IMAGE = "postgres:15-alpine";
    public static final String KAFKA_IMAGE = "apache/kafka:4.1.2";
    private static final String SWITCH = "orderhub.test.containers";

    private ProductionImages() {}

    /** Whether this run asked for the production images ({@code -Ptestcontainers}). */
    public static boolean requested() {
        return Boolean.parseBoolean(System.getProperty(SWITCH, System.getenv("ORDERHUB_TEST_CONTAINERS")));
    }

    static PostgreSQLContainer postgres() {
        requireDocker();
        PostgreSQLContainer container = new PostgreSQLContainer(POSTGRES_IMAGE);
        container.start();
        return container;
    }

    static KafkaContainer kafka() {
        requireDocker();
        KafkaContainer container = new KafkaContainer(KAFKA_IMAGE);
        container.start();
        return container;
    }

    private static void requireDocker() {
        if (!DockerClientFactory.instance().isDockerAvailable()) {
            throw new TestAbortedException("The testcontainers profile needs a Docker engine; none is available here");
        }
    }
}
