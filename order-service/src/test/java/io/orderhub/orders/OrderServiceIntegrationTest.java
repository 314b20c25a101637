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
                    + "readonly:" + TestKeys.READ_ONLY + ";scopes=orders:read,"
                    + "b2b:" + TestKeys.ONLY_ORDERS_WRITE + ";name=only-orders-write;scopes=orders:write;limit=50/1m,"
                    + "b2b:" + TestKeys.ONLY_PAYMENTS_READ
                    + ";name=only-payments-read;scopes=payments:read;limit=50/1m,"
                    + "b2b:" + TestKeys.ONLY_PAYMENTS_WRITE
                    + ";name=only-payments-write;scopes=payments:write;limit=50/1m,"
                    + "b2b:" + TestKeys.ONLY_CALLBACKS_READ
                    + ";name=only-callbacks-read;scopes=callbacks:read;limit=50/1m,"
                    + "b2b:" + TestKeys.ONLY_CALLBACKS_WRITE
                    + ";name=only-callbacks-write;scopes=callbacks:write;limit=50/1m",
            "RATE_LIMIT=100000/1m"
        })
@ContextConfiguration(initializers = OrderhubTestEnvironment.class)
public @interface OrderServiceIntegrationTest {}
