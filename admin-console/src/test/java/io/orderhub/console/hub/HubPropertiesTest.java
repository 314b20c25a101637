package io.orderhub.console.hub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;

class HubPropertiesTest {

    private static final URI EDGE = URI.create("http://edge:8080");

    @Test
    void readsTheServicesByNameInTheOrderConfigured() {
        HubProperties properties = new HubProperties(
                EDGE,
                "key",
                null,
                List.of("payment-service=http://payment-service:8082", " order-service = http://order-service:8081 "));

        assertThat(properties.serviceUrls())
                .containsExactly(
                        entry("payment-service", URI.create("http://payment-service:8082")),
                        entry("order-service", URI.create("http://order-service:8081")));
        assertThat(new HubProperties(EDGE, "key", null, null).serviceUrls()).isEmpty();
    }

    @Test
    void refusesAnEntryWithoutANameOrAnAbsoluteUrlAndANameGivenTwice() {
        for (String entry :
                List.of("http://payment-service:8082", "=http://x:1", "payment-service=x:1", "p=/relative")) {
            assertThatThrownBy(() -> new HubProperties(EDGE, "key", null, List.of(entry)))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("ADMIN_CONSOLE_SERVICE_URLS");
        }
        assertThatThrownBy(() -> new HubProperties(EDGE, "key", null, List.of("a=http://x:1", "a=http://y:2")))
                .hasMessageContaining("names a twice");
    }
}
