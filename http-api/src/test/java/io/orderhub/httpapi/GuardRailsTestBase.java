package io.orderhub.httpapi;

import io.orderhub.httpapi.testapp.GuardRailsTestApplication;
import io.orderhub.testsupport.ApiClient;
import io.orderhub.testsupport.OrderhubTestEnvironment;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ContextConfiguration;

/** The test service on a real port and a real PostgreSQL, and a client per channel key. */
@SpringBootTest(classes = GuardRailsTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = OrderhubTestEnvironment.class)
abstract class GuardRailsTestBase {

    static final String SHOP_KEY = "wc-secret-key-0001";
    static final String POS_KEY = "pos-secret-key-0001";
    static final String ADMIN_KEY = "admin-secret-key-01";
    static final String B2B_KEY = "b2b-secret-key-0001";
    static final String LIMITED_KEY = "limited-key-0001";
    static final String READONLY_KEY = "readonly-key-0001";

    @LocalServerPort
    int port;

    ApiClient client(String key) {
        return ApiClient.of("http://localhost:" + port, key);
    }

    static String order(String source, String reference, String amount) {
        return """
                {"source": "%s", "reference": "%s", "amount": %s}""".formatted(source, reference, amount);
    }
}
