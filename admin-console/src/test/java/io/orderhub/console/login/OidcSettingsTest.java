package io.orderhub.console.login;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;

class OidcSettingsTest {

    private static final URI ISSUER = URI.create("https://login.company.example/realms/company");

    @Test
    void grantsTheRoleOfTheClaimsValueAsAStringOrInAListTheOperatorsFirst() {
        OidcSettings settings = new OidcSettings(ISSUER, "console", "secret", null, null, null);

        assertThat(settings.roleClaim()).isEqualTo("roles");
        assertThat(settings.roleOf("orderhub-viewer")).contains(Role.VIEWER);
        assertThat(settings.roleOf(List.of("orderhub-viewer", "orderhub-operator")))
                .contains(Role.OPERATOR);
        assertThat(settings.roleOf(List.of("staff"))).isEmpty();
        assertThat(settings.roleOf(null)).isEmpty();
        // A value only alike is not the value.
        assertThat(settings.roleOf("orderhub-operators")).isEmpty();
    }

    @Test
    void takesTheClaimAndValuesConfigured() {
        OidcSettings settings = new OidcSettings(ISSUER, "console", "secret", "groups", "hub-ops", "hub-support");

        assertThat(settings.roleOf(List.of("hub-support"))).contains(Role.VIEWER);
        assertThat(settings.roleOf("orderhub-operator")).isEmpty();
    }

    @Test
    void refusesToStartWithoutTheClientsCredentialsOrWithAStrictSessionCookie() {
        OidcLogin login = new OidcLogin();

        assertThatThrownBy(() -> login.oidcClients(new OidcSettings(ISSUER, "console", "", null, null, null), "lax"))
                .hasMessageContaining("ADMIN_OIDC_CLIENT_SECRET");
        assertThatThrownBy(() ->
                        login.oidcClients(new OidcSettings(ISSUER, "console", "secret", null, null, null), "strict"))
                .hasMessageContaining("ADMIN_SESSION_COOKIE_SAME_SITE=lax");
    }
}
