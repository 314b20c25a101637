package io.orderhub.console.login;

import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.ClientRegistrations;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/**
 * Login through the company's identity provider when {@code ADMIN_OIDC_ISSUER_URI} is set: the authorization
 * code flow of Spring Security's OAuth2 client (state, nonce and PKCE; the ID token's signature, issuer,
 * audience and expiry checked against the provider's published keys), the role taken from a claim. Form login
 * for {@code ADMIN_USERS} stays available beside it.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("!'${orderhub.console.oidc.issuer-uri:}'.isBlank()")
class OidcLogin {

    /** The registration's id, in the console's paths: /admin/oauth2/authorization/oidc. */
    static final String REGISTRATION = "oidc";

    /**
     * The provider's configuration is read from its discovery document at start-up: a console that cannot
     * reach its identity provider does not start (and is restarted), rather than offering a login that fails.
     */
    @Bean
    ClientRegistrationRepository oidcClients(
            OidcSettings settings, @Value("${server.servlet.session.cookie.same-site:}") String sameSite) {
        if (settings.issuerUri() == null || blank(settings.clientId()) || blank(settings.clientSecret())) {
            throw new IllegalStateException(
                    "ADMIN_OIDC_ISSUER_URI is set: set ADMIN_OIDC_CLIENT_ID and ADMIN_OIDC_CLIENT_SECRET too");
        }
        if ("strict".equals(sameSite.toLowerCase(Locale.ROOT))) {
            // The provider redirects back cross-site: a SameSite=Strict session cookie is not sent with that
            // redirect, and the login's state (kept in the session) would be lost.
            throw new IllegalStateException("OIDC login needs ADMIN_SESSION_COOKIE_SAME_SITE=lax");
        }
        ClientRegistration registration = ClientRegistrations.fromIssuerLocation(
                        settings.issuerUri().toString())
                .registrationId(REGISTRATION)
                .clientId(settings.clientId())
                .clientSecret(settings.clientSecret())
                .redirectUri("{baseUrl}/admin/login/oauth2/code/{registrationId}")
                .scope("openid", "profile", "email")
                .build();
        return new InMemoryClientRegistrationRepository(registration);
    }

    /** The provider's user with the console role its claim grants; no role, no login. */
    @Bean
    OAuth2UserService<OidcUserRequest, OidcUser> consoleOidcUsers(OidcSettings settings) {
        OidcUserService provider = new OidcUserService();
        return request -> {
            OidcUser user = provider.loadUser(request);
            Role role = settings.roleOf(user.getClaims().get(settings.roleClaim()))
                    .orElseThrow(() -> new OAuth2AuthenticationException(new OAuth2Error(
                            "access_denied",
                            "The identity provider grants this user no console role (claim " + settings.roleClaim()
                                    + ")",
                            null)));
            return new DefaultOidcUser(
                    List.of(new SimpleGrantedAuthority("ROLE_" + role.name())),
                    user.getIdToken(),
                    user.getUserInfo(),
                    nameClaim(user));
        };
    }

    private static boolean blank(@Nullable String value) {
        return value == null || value.isBlank();
    }

    /** The name the pages and the audit log show: the user name, else the e-mail, else the subject. */
    private static String nameClaim(OidcUser user) {
        for (String claim : List.of("preferred_username", "email")) {
            if (user.getClaims().get(claim) instanceof String value && !value.isBlank()) {
                return claim;
            }
        }
        return "sub";
    }
}
