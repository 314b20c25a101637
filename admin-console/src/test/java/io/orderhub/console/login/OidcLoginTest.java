package io.orderhub.console.login;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.web.util.UriComponentsBuilder;
import org.springframework.web.util.UriUtils;

/**
 * OIDC login against an identity provider that is a real HTTP server (WireMock) speaking OpenID Connect: its
 * discovery document, keys, token and userinfo endpoints. The whole authorization code flow runs through the
 * console's filters; what would let someone in who should not be — no role, a token signed by another key, a
 * replayed nonce, a forged state — is refused.
 */
@SpringBootTest(
        properties = {
            "orderhub.console.hub.url=http://127.0.0.1:9",
            "orderhub.console.hub.api-key=unused",
            "orderhub.console.oidc.client-id=orderhub-console",
            "orderhub.console.oidc.client-secret=console-client-secret",
            "server.servlet.session.cookie.same-site=lax"
        })
@AutoConfigureMockMvc
class OidcLoginTest {

    private static final WireMockServer PROVIDER = started();
    private static final String ISSUER = PROVIDER.baseUrl() + "/realms/company";
    private static final RSAKey KEY = rsaKey("provider-key");
    private static final RSAKey OTHER_KEY = rsaKey("provider-key");

    @Autowired
    MockMvc mvc;

    @DynamicPropertySource
    static void provider(DynamicPropertyRegistry registry) {
        registry.add("orderhub.console.oidc.issuer-uri", () -> ISSUER);
    }

    private static WireMockServer started() {
        WireMockServer server = new WireMockServer(options().dynamicPort());
        server.start();
        String issuer = server.baseUrl() + "/realms/company";
        server.stubFor(get(urlPathEqualTo("/realms/company/.well-known/openid-configuration"))
                .willReturn(json("""
                        {"issuer": "%1$s",
                         "authorization_endpoint": "%1$s/protocol/openid-connect/auth",
                         "token_endpoint": "%1$s/protocol/openid-connect/token",
                         "userinfo_endpoint": "%1$s/protocol/openid-connect/userinfo",
                         "jwks_uri": "%1$s/protocol/openid-connect/certs",
                         "response_types_supported": ["code"],
                         "subject_types_supported": ["public"],
                         "id_token_signing_alg_values_supported": ["RS256"],
                         "scopes_supported": ["openid", "profile", "email"],
                         "token_endpoint_auth_methods_supported": ["client_secret_basic"],
                         "grant_types_supported": ["authorization_code"]}""".formatted(issuer))));
        return server;
    }

    @BeforeEach
    void publishTheProvidersKey() {
        PROVIDER.stubFor(get(urlPathEqualTo("/realms/company/protocol/openid-connect/certs"))
                .willReturn(json(new JWKSet(KEY.toPublicJWK()).toString())));
    }

    @AfterAll
    static void stop() {
        PROVIDER.stop();
    }

    @Test
    void offersTheProvidersLoginBesideTheForm() throws Exception {
        mvc.perform(MockMvcRequestBuilders.get("/admin/login"))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("/admin/oauth2/authorization/oidc")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("name=\"password\"")));
    }

    @Test
    void logsInAnOperatorTheProviderVouchesForWithTheRoleFromTheClaim() throws Exception {
        Login login = startLogin();
        assertThat(login.authorization().getPath()).isEqualTo("/realms/company/protocol/openid-connect/auth");
        assertThat(login.parameter("client_id")).isEqualTo("orderhub-console");
        assertThat(login.parameter("redirect_uri")).isEqualTo("http://localhost/admin/login/oauth2/code/oidc");
        providerIssues(
                "ines",
                claims -> claims.claim("nonce", login.parameter("nonce"))
                        .claim("roles", List.of("staff", "orderhub-operator")));

        mvc.perform(login.callback())
                .andExpect(redirectedUrl("/admin/orders"))
                .andExpect(authenticated().withUsername("ines").withRoles("OPERATOR"));
        // The console authenticated itself at the token endpoint with its client secret.
        PROVIDER.verify(postRequestedFor(urlPathEqualTo("/realms/company/protocol/openid-connect/token"))
                .withHeader(
                        "Authorization",
                        equalTo("Basic "
                                + Base64.getEncoder()
                                        .encodeToString("orderhub-console:console-client-secret"
                                                .getBytes(StandardCharsets.UTF_8))))
                .withRequestBody(containing("code=the-providers-code")));
    }

    @Test
    void makesAViewerOfAViewerClaimGivenAsOneString() throws Exception {
        Login login = startLogin();
        providerIssues(
                "victor",
                claims -> claims.claim("nonce", login.parameter("nonce")).claim("roles", "orderhub-viewer"));

        mvc.perform(login.callback())
                .andExpect(authenticated().withUsername("victor").withRoles("VIEWER"));
    }

    @Test
    void refusesSomeoneTheProviderKnowsButGrantsNoConsoleRole() throws Exception {
        Login login = startLogin();
        providerIssues(
                "mallory",
                claims -> claims.claim("nonce", login.parameter("nonce")).claim("roles", List.of("staff")));

        mvc.perform(login.callback())
                .andExpect(redirectedUrl("/admin/login?sso-error"))
                .andExpect(unauthenticated());
    }

    @Test
    void refusesAnIdTokenSignedByAnotherKey() throws Exception {
        Login login = startLogin();
        providerIssues(
                "mallory",
                claims -> claims.claim("nonce", login.parameter("nonce")).claim("roles", "orderhub-operator"),
                OTHER_KEY);

        mvc.perform(login.callback())
                .andExpect(redirectedUrl("/admin/login?sso-error"))
                .andExpect(unauthenticated());
    }

    @Test
    void refusesAnIdTokenIssuedForAnotherLogin() throws Exception {
        Login login = startLogin();
        providerIssues(
                "mallory",
                claims -> claims.claim("nonce", "nonce-of-another-login").claim("roles", "orderhub-operator"));

        mvc.perform(login.callback())
                .andExpect(redirectedUrl("/admin/login?sso-error"))
                .andExpect(unauthenticated());
    }

    @Test
    void refusesACallbackWhoseStateThisSessionNeverSent() throws Exception {
        Login login = startLogin();
        providerIssues(
                "mallory",
                claims -> claims.claim("nonce", login.parameter("nonce")).claim("roles", "orderhub-operator"));

        mvc.perform(MockMvcRequestBuilders.get("/admin/login/oauth2/code/oidc")
                        .param("code", "the-providers-code")
                        .param("state", "forged-state")
                        .session(login.session()))
                .andExpect(redirectedUrl("/admin/login?sso-error"))
                .andExpect(unauthenticated());
        // Nor in another browser's session with the right state.
        mvc.perform(MockMvcRequestBuilders.get("/admin/login/oauth2/code/oidc")
                        .param("code", "the-providers-code")
                        .param("state", login.parameter("state")))
                .andExpect(redirectedUrl("/admin/login?sso-error"))
                .andExpect(unauthenticated());
    }

    /** The console's redirect to the provider, and the browser session it started. */
    private record Login(URI authorization, MockHttpSession session) {

        /** A parameter of the redirect, decoded as the provider reads it. */
        String parameter(String name) {
            String value = UriComponentsBuilder.fromUri(authorization)
                    .build()
                    .getQueryParams()
                    .getFirst(name);
            return value == null ? null : UriUtils.decode(value, StandardCharsets.UTF_8);
        }

        org.springframework.test.web.servlet.RequestBuilder callback() {
            return MockMvcRequestBuilders.get("/admin/login/oauth2/code/oidc")
                    .param("code", "the-providers-code")
                    .param("state", parameter("state"))
                    .session(session);
        }
    }

    private Login startLogin() throws Exception {
        MvcResult redirect = mvc.perform(MockMvcRequestBuilders.get("/admin/oauth2/authorization/oidc"))
                .andReturn();
        String location = redirect.getResponse().getRedirectedUrl();
        assertThat(location).startsWith(ISSUER + "/protocol/openid-connect/auth?");
        return new Login(
                URI.create(location), (MockHttpSession) redirect.getRequest().getSession());
    }

    private static void providerIssues(String user, UnaryOperator<JWTClaimsSet.Builder> claims) throws Exception {
        providerIssues(user, claims, KEY);
    }

    /** The provider's token endpoint answers the code with an ID token for the user, signed by the key. */
    private static void providerIssues(String user, UnaryOperator<JWTClaimsSet.Builder> claims, RSAKey key)
            throws Exception {
        Instant now = Instant.now();
        JWTClaimsSet idToken = claims.apply(new JWTClaimsSet.Builder()
                        .issuer(ISSUER)
                        .subject("subject-" + user)
                        .audience("orderhub-console")
                        .issueTime(Date.from(now))
                        .expirationTime(Date.from(now.plusSeconds(300)))
                        .claim("preferred_username", user))
                .build();
        PROVIDER.stubFor(post(urlPathEqualTo("/realms/company/protocol/openid-connect/token"))
                .willReturn(json(com.github.tomakehurst.wiremock.common.Json.write(Map.of(
                        "access_token",
                        "access-token-of-" + user,
                        "token_type",
                        "Bearer",
                        "expires_in",
                        300,
                        "scope",
                        "openid profile email",
                        "id_token",
                        signed(idToken, key))))));
        PROVIDER.stubFor(get(urlPathEqualTo("/realms/company/protocol/openid-connect/userinfo"))
                .withHeader("Authorization", equalTo("Bearer access-token-of-" + user))
                .willReturn(json(com.github.tomakehurst.wiremock.common.Json.write(Map.of(
                        "sub", "subject-" + user, "preferred_username", user, "email", user + "@company.example")))));
    }

    private static String signed(JWTClaimsSet claims, RSAKey key) throws JOSEException {
        SignedJWT jwt = new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims);
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }

    private static RSAKey rsaKey(String id) {
        try {
            return new RSAKeyGenerator(2048).keyID(id).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(String body) {
        return aResponse().withHeader("Content-Type", "application/json").withBody(body);
    }
}
