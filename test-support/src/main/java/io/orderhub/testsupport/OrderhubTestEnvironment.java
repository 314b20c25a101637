package io.orderhub.testsupport;

import java.util.Map;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * Points a Spring context at a fresh database on the test PostgreSQL server, the test Kafka broker and
 * the in-process schema registry. Use with {@code @ContextConfiguration(initializers = ...)} or
 * {@code @SpringBootTest} plus this initializer.
 */
public class OrderhubTestEnvironment implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        TestDatabase database = TestPostgres.newDatabase();
        context.getEnvironment()
                .getPropertySources()
                .addFirst(new MapPropertySource(
                        "orderhub-test-environment",
                        Map.of(
                                "spring.datasource.url", database.jdbcUrl(),
                                "spring.datasource.username", database.username(),
                                "spring.datasource.password", database.password(),
                                "spring.kafka.bootstrap-servers", TestKafka.bootstrapServers(),
                                "orderhub.schema-registry.url", "mock://")));
    }
}
