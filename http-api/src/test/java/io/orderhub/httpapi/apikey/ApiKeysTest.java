package io.orderhub.httpapi.apikey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class ApiKeysTest {

    @Test
    void parsesAPlainKeyWithNameLimitAndDefaultChannelScopes() {
        ApiKeys keys = ApiKeys.parse(List.of("woocommerce:my-shop-secret;name=shop;limit=50/1m"));

        ApiKey key = keys.authenticate("my-shop-secret").orElseThrow();
        assertThat(key.channel()).isEqualTo("woocommerce");
        assertThat(key.name()).isEqualTo("shop");
        assertThat(key.rateLimit()).isEqualTo(new RateLimit(50, Duration.ofMinutes(1)));
        assertThat(key.scopes())
                .contains(Scope.ORDERS_WRITE, Scope.PAYMENTS_READ)
                .doesNotHaveDuplicates();
    }

    @Test
    void authenticatesAKeyGivenOnlyAsItsSha256() {
        // printf '%s' 'pos-terminal-key' | sha256sum
        ApiKeys keys = ApiKeys.parse(
                List.of("pos:sha256:" + java.util.HexFormat.of().formatHex(ApiKeys.sha256("pos-terminal-key"))));

        assertThat(keys.authenticate("pos-terminal-key"))
                .hasValueSatisfying(k -> assertThat(k.channel()).isEqualTo("pos"));
        assertThat(keys.authenticate("pos-terminal-keY")).isEmpty();
    }

    @Test
    void givesAdminEveryScopeAndRestrictsExplicitScopes() {
        ApiKeys keys =
                ApiKeys.parse(List.of("admin:admin-secret-1", "b2b:b2b-readonly-1;scopes=orders:read|payments:read"));

        assertThat(keys.authenticate("admin-secret-1").orElseThrow().scopes())
                .containsExactlyInAnyOrder(Scope.values());
        assertThat(keys.authenticate("b2b-readonly-1").orElseThrow().scopes())
                .containsExactlyInAnyOrder(Scope.ORDERS_READ, Scope.PAYMENTS_READ);
    }

    @Test
    void skipsCommentsAndBlankLinesOfAKeysFile() {
        ApiKeys keys = ApiKeys.parse(List.of("# the shop", "", "woocommerce:my-shop-secret", "  "));

        assertThat(keys.size()).isEqualTo(1);
    }

    @Test
    void refusesBadEntriesWithoutRepeatingTheSecret() {
        assertThatThrownBy(() -> ApiKeys.parse(List.of("pos:short")))
                .hasMessageContaining("10 characters")
                .hasMessageNotContaining("short");
        assertThatThrownBy(() -> ApiKeys.parse(List.of("pos:a-long-enough-secret;scopes=orders:delete")))
                .hasMessageContaining("unknown scope orders:delete")
                .hasMessageNotContaining("a-long-enough-secret");
        assertThatThrownBy(() -> ApiKeys.parse(List.of("pos:sha256:abc"))).hasMessageContaining("64 hex digits");
        assertThatThrownBy(() -> ApiKeys.parse(List.of("POS:a-long-enough-secret")))
                .hasMessageContaining("lower-case");
        assertThatThrownBy(() -> ApiKeys.parse(List.of("pos:first-secret-key", "pos:second-secret-key")))
                .hasMessageContaining("a second key named pos:pos");
        assertThatThrownBy(() -> ApiKeys.parse(List.of("pos:same-secret-key", "b2b:same-secret-key")))
                .hasMessageContaining("same secret");
    }

    @Test
    void parsesRateLimits() {
        assertThat(RateLimit.parse("100/15m")).isEqualTo(new RateLimit(100, Duration.ofMinutes(15)));
        assertThat(RateLimit.parse("5/1h")).isEqualTo(new RateLimit(5, Duration.ofHours(1)));
        assertThatThrownBy(() -> RateLimit.parse("100 per minute")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RateLimit.parse("0/1m")).isInstanceOf(IllegalArgumentException.class);
    }
}
