package io.orderhub.payments;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.util.Map;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * Stripe's API and a BTCPay server as real HTTP servers (WireMock), one of each per test JVM; the service under
 * test is pointed at them through the contract's variables. Tests stub per payment (unique ids), never reset.
 */
public final class Simulators implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    public static final WireMockServer STRIPE = start();
    public static final WireMockServer BTCPAY = start();
    public static final String BTCPAY_STORE = "store-1";
    public static final String BTCPAY_KEY = "btcpay-test-token";
    public static final String STRIPE_KEY = "sk_test_orderhub";

    private static WireMockServer start() {
        WireMockServer server = new WireMockServer(options().dynamicPort());
        server.start();
        Runtime.getRuntime().addShutdownHook(new Thread(server::stop));
        return server;
    }

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        context.getEnvironment()
                .getPropertySources()
                .addFirst(new MapPropertySource(
                        "simulators",
                        Map.of(
                                "STRIPE_API_KEY", STRIPE_KEY,
                                "STRIPE_API_BASE", STRIPE.baseUrl(),
                                "BTCPAY_URL", BTCPAY.baseUrl(),
                                "BTCPAY_API_KEY", BTCPAY_KEY,
                                "BTCPAY_STORE_ID", BTCPAY_STORE)));
    }
}
