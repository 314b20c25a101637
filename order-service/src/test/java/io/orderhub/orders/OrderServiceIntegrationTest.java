package io.orderhub.orders;

import io.orderhub.testsupport.OrderhubTestEnvironment;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ContextConfiguration;

/**
 * The one Spring context of order-service's integration tests: its own database on the test PostgreSQL,
 * the test Kafka broker, the channels' keys. Every test class uses exactly this configuration, so they
 * share one context — and one consumer of payment events, which would otherwise be split between
 * contexts of different databases in the same consumer group.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "API_KEYS=woocommerce:" + TestKeys.WOOCOMMERCE + ";name=shop,"
                    + "pos:" + TestKeys.POS + ";name=pos-terminals,"
                    + "b2b:" + TestKeys.B2B + ","
                    + "admin:" + TestKeys.ADMIN + ";name=ops,"
                    + "readonly:" + TestKeys.READ_ONLY + ";scopes=orders:read",
            "RATE_LIMIT=100000/1m"
        })
@ContextConfiguration(initializers = OrderhubTestEnvironment.class)
public @interface OrderServiceIntegrationTest {}
