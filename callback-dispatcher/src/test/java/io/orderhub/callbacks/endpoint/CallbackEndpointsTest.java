package io.orderhub.callbacks.endpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.orderhub.callbacks.CallbackProperties;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

class CallbackEndpointsTest {

    private static final String SHARED = "shared-secret-of-forty-characters-000000";
    private static final String POS = "pos-secret-of-forty-characters-0000000000";
    private static final String B2B = "b2b-secret-of-forty-characters-0000000000";

    @Test
    void oneChannelMaySignWithTheSharedSecret() {
        Map<String, Endpoint> endpoints =
                read(Map.of("POS_CALLBACK_URL", "https://pos.example.org/cb", "CALLBACK_SECRET", SHARED));

        assertThat(endpoints.get("POS").secret()).isEqualTo(SHARED);
    }

    @Test
    void twoChannelsSignEachWithItsOwnSecret() {
        Map<String, Endpoint> endpoints = read(posAndPartner("B2B_CALLBACK_SECRET", B2B));

        assertThat(endpoints.get("POS").secret()).isEqualTo(POS);
        assertThat(endpoints.get("B2B").secret()).isEqualTo(B2B);
    }

    @Test
    void refusesTheSharedSecretOnceASecondChannelIsConfigured() {
        Map<String, String> settings = posAndPartner("CALLBACK_SECRET", SHARED);

        assertThatThrownBy(() -> read(settings))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("B2B_CALLBACK_SECRET")
                .hasMessageNotContaining("POS_CALLBACK_SECRET")
                .hasMessageNotContaining(SHARED)
                .hasMessageNotContaining(POS);
    }

    @Test
    void refusesTwoChannelsWithTheSameSecret() {
        Map<String, String> settings = posAndPartner("B2B_CALLBACK_SECRET", POS);

        assertThatThrownBy(() -> read(settings))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("B2B_CALLBACK_SECRET")
                .hasMessageContaining("POS_CALLBACK_SECRET")
                .hasMessageNotContaining(POS);
    }

    @Test
    void aWooCommerceRestChannelSignsNothingSoTheOtherChannelMayUseTheSharedSecret() {
        Map<String, Endpoint> endpoints = read(Map.of(
                "WOOCOMMERCE_CALLBACK_MODE", "rest",
                "WOOCOMMERCE_URL", "https://shop.example.org",
                "WOOCOMMERCE_CONSUMER_KEY", "ck_key",
                "WOOCOMMERCE_CONSUMER_SECRET", "cs_secret",
                "POS_CALLBACK_URL", "https://pos.example.org/cb",
                "CALLBACK_SECRET", SHARED));

        assertThat(endpoints.get("POS").secret()).isEqualTo(SHARED);
        assertThat(endpoints.get("WOOCOMMERCE").format()).isEqualTo(EndpointFormat.WOOCOMMERCE_REST);
    }

    /** The POS, with its own secret, and a B2B partner configured, plus one more setting. */
    private static Map<String, String> posAndPartner(String name, String value) {
        return Map.of(
                "POS_CALLBACK_URL",
                "https://pos.example.org/cb",
                "POS_CALLBACK_SECRET",
                POS,
                "B2B_CALLBACK_URL",
                "https://partner.example.org/cb",
                name,
                value);
    }

    private static Map<String, Endpoint> read(Map<String, String> settings) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("test", new HashMap<>(settings)));
        Map<String, String> callbacks = new HashMap<>();
        if (settings.containsKey("WOOCOMMERCE_CALLBACK_MODE")) {
            callbacks.put("orderhub.callbacks.woocommerce-mode", settings.get("WOOCOMMERCE_CALLBACK_MODE"));
        }
        CallbackProperties properties = new Binder(new MapConfigurationPropertySource(callbacks))
                .bindOrCreate("orderhub.callbacks", CallbackProperties.class);
        return CallbackEndpoints.read(environment, properties);
    }
}
