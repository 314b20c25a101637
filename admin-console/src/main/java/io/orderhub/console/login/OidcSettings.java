package io.orderhub.console.login;

import java.net.URI;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * OIDC login for production ({@code ADMIN_OIDC_*}): the identity provider's issuer, the console's client there,
 * and which claim carries the console role — an operator or a viewer value, as a string or within a list (a
 * group list). Someone the provider vouches for but who holds neither value does not get in.
 */
@ConfigurationProperties("orderhub.console.oidc")
public record OidcSettings(
        @Nullable URI issuerUri,
        @Nullable String clientId,
        @Nullable String clientSecret,
        String roleClaim,
        String operatorValue,
        String viewerValue) {

    public OidcSettings {
        roleClaim = roleClaim == null || roleClaim.isBlank() ? "roles" : roleClaim;
        operatorValue = operatorValue == null || operatorValue.isBlank() ? "orderhub-operator" : operatorValue;
        viewerValue = viewerValue == null || viewerValue.isBlank() ? "orderhub-viewer" : viewerValue;
    }

    /** The role the claim's value grants; an operator value wins over a viewer value. */
    public Optional<Role> roleOf(@Nullable Object claim) {
        List<String> values = claim instanceof Collection<?> list
                ? list.stream().map(String::valueOf).toList()
                : claim == null ? List.of() : List.of(String.valueOf(claim));
        if (values.contains(operatorValue)) {
            return Optional.of(Role.OPERATOR);
        }
        return values.contains(viewerValue) ? Optional.of(Role.VIEWER) : Optional.empty();
    }
}
