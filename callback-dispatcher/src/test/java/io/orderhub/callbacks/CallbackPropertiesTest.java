package io.orderhub.callbacks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

class CallbackPropertiesTest {

    @Test
    void keepsFinishedDeliveriesThirtyDaysAndPurgesHourlyInBatchesOfAThousand() {
        CallbackProperties properties = bind(Map.of());

        assertThat(properties.deliveryRetention()).isEqualTo(Duration.ofDays(30));
        assertThat(properties.purgeInterval()).isEqualTo(Duration.ofHours(1));
        assertThat(properties.purgeBatchSize()).isEqualTo(1000);
    }

    @ParameterizedTest
    @ValueSource(strings = {"0s", "-1d"})
    void refusesARetentionThatIsNotPositive(String retention) {
        assertThatThrownBy(() -> bind(Map.of("orderhub.callbacks.delivery-retention", retention)))
                .rootCause()
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("CALLBACK_DELIVERY_RETENTION) must be positive");
    }

    @Test
    void hubPublicUrlIsOptionalAndLosesItsTrailingSlash() {
        assertThat(bind(Map.of()).hubPublicUrl()).isNull();
        assertThat(bind(Map.of("orderhub.callbacks.hub-public-url", " ")).hubPublicUrl())
                .isNull();
        assertThat(bind(Map.of("orderhub.callbacks.hub-public-url", "https://hub.example.com/"))
                        .hubPublicUrl())
                .isEqualTo("https://hub.example.com");
        assertThat(bind(Map.of("orderhub.callbacks.hub-public-url", "https://example.com/hub"))
                        .hubPublicUrl())
                .isEqualTo("https://example.com/hub");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "hub.example.com",
                "ftp://hub.example.com",
                "https://user:pw@hub.example.com",
                "https://hub.example.com/?a=b",
                "https://hub.example.com/#top"
            })
    void refusesAHubPublicUrlThatIsNotABaseUrl(String url) {
        assertThatThrownBy(() -> bind(Map.of("orderhub.callbacks.hub-public-url", url)))
                .rootCause()
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("HUB_PUBLIC_URL must be an absolute http(s) URL");
    }

    private static CallbackProperties bind(Map<String, String> settings) {
        return new Binder(new MapConfigurationPropertySource(settings))
                .bindOrCreate("orderhub.callbacks", CallbackProperties.class);
    }
}
