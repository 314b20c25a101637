package io.orderhub.console.login;

import jakarta.servlet.DispatcherType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Deny by default: the login page, assets and health are open; every page needs a login; only operators may
 * send anything but GET. CSRF protection stays on (the forms carry the token). Users log in with the form
 * ({@code ADMIN_USERS}) and, where {@code ADMIN_OIDC_ISSUER_URI} is set, through the identity provider
 * ({@link OidcLogin}).
 */
@Configuration(proxyBeanMethods = false)
class ConsoleSecurity {

    private static final Logger log = LoggerFactory.getLogger(ConsoleSecurity.class);

    @Bean
    UserDetailsService adminUsers(@Value("${orderhub.console.users:}") String list) {
        AdminUsers users = AdminUsers.parse(list);
        if (users.isEmpty()) {
            log.warn("ADMIN_USERS is empty: nobody can log in to the console");
        }
        return new InMemoryUserDetailsManager(users.all());
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoders.delegating();
    }

    @Bean
    SecurityFilterChain console(
            HttpSecurity http,
            ObjectProvider<ClientRegistrationRepository> oidcClients,
            ObjectProvider<OAuth2UserService<OidcUserRequest, OidcUser>> oidcUsers)
            throws Exception {
        http.authorizeHttpRequests(
                        requests -> requests.dispatcherTypeMatchers(DispatcherType.ERROR, DispatcherType.FORWARD)
                                .permitAll()
                                .requestMatchers(
                                        "/admin/login",
                                        "/admin/assets/**",
                                        "/admin/webjars/**",
                                        "/health",
                                        "/actuator/health",
                                        "/actuator/health/**")
                                .permitAll()
                                .requestMatchers(HttpMethod.GET, "/admin", "/admin/**")
                                .hasAnyRole(Role.VIEWER.name(), Role.OPERATOR.name())
                                .requestMatchers(HttpMethod.POST, "/admin/**")
                                .hasRole(Role.OPERATOR.name())
                                .anyRequest()
                                .denyAll())
                .formLogin(form -> form.loginPage("/admin/login")
                        .loginProcessingUrl("/admin/login")
                        .defaultSuccessUrl("/admin/orders", true)
                        .failureUrl("/admin/login?error")
                        .permitAll())
                .logout(logout -> logout.logoutUrl("/admin/logout")
                        .logoutSuccessUrl("/admin/login?logout")
                        .permitAll())
                .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(
                        "default-src 'self'; style-src 'self'; script-src 'self'; frame-ancestors 'none'")));
        if (oidcClients.getIfAvailable() != null) {
            // Both endpoints are filters ahead of the authorization rules above, under the one /admin prefix.
            http.oauth2Login(oidc -> oidc.loginPage("/admin/login")
                    .authorizationEndpoint(authorization -> authorization.baseUri("/admin/oauth2/authorization"))
                    .redirectionEndpoint(redirection -> redirection.baseUri("/admin/login/oauth2/code/*"))
                    .userInfoEndpoint(userInfo -> userInfo.oidcUserService(oidcUsers.getObject()))
                    .defaultSuccessUrl("/admin/orders", true)
                    .failureUrl("/admin/login?sso-error"));
        }
        return http.build();
    }
}
