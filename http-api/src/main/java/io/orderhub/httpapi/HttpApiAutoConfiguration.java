package io.orderhub.httpapi;

import io.orderhub.httpapi.apikey.ApiKeyArgumentResolver;
import io.orderhub.httpapi.apikey.ApiKeyFilter;
import io.orderhub.httpapi.apikey.ApiKeys;
import io.orderhub.httpapi.apikey.HandlerAuthorization;
import io.orderhub.httpapi.apikey.ProtectedPaths;
import io.orderhub.httpapi.problem.ProblemWriter;
import io.orderhub.httpapi.request.BodySizeLimitFilter;
import io.orderhub.httpapi.request.ControlCharacters;
import io.orderhub.httpapi.request.RequestIdFilter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.Ordered;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The guard rails every service's API shares, in filter order: request id, path firewall (from
 * {@link ProblemsAutoConfiguration}), body limit, API key, then — in services with a database — rate limit
 * and Idempotency-Key; after handler mapping, each handler's declared authorization.
 */
@AutoConfiguration(after = ProblemsAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableConfigurationProperties(HttpApiProperties.class)
@Import(ControlCharacters.class)
public class HttpApiAutoConfiguration {

    /** Filter positions; the Idempotency-Key filter must run after authentication and the rate limit. */
    public static final int REQUEST_ID_ORDER = Ordered.HIGHEST_PRECEDENCE + 10;

    public static final int BODY_LIMIT_ORDER = REQUEST_ID_ORDER + 10;
    public static final int API_KEY_ORDER = BODY_LIMIT_ORDER + 10;
    public static final int RATE_LIMIT_ORDER = API_KEY_ORDER + 10;
    public static final int IDEMPOTENCY_ORDER = RATE_LIMIT_ORDER + 10;

    @Bean
    FilterRegistrationBean<RequestIdFilter> requestIdFilter() {
        FilterRegistrationBean<RequestIdFilter> registration = new FilterRegistrationBean<>(new RequestIdFilter());
        registration.setOrder(REQUEST_ID_ORDER);
        return registration;
    }

    @Bean
    FilterRegistrationBean<BodySizeLimitFilter> bodySizeLimitFilter(
            HttpApiProperties properties, ProblemWriter problems) {
        FilterRegistrationBean<BodySizeLimitFilter> registration =
                new FilterRegistrationBean<>(new BodySizeLimitFilter(properties.maxBodyBytes(), problems));
        registration.setOrder(BODY_LIMIT_ORDER);
        return registration;
    }

    @Bean
    ApiKeys apiKeys(HttpApiProperties properties) {
        List<String> entries = new ArrayList<>(List.of(properties.keys().split(",")));
        if (!properties.keysFile().isBlank()) {
            try {
                entries.addAll(Files.readAllLines(Path.of(properties.keysFile())));
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read API_KEYS_FILE " + properties.keysFile(), e);
            }
        }
        return ApiKeys.parse(entries);
    }

    @Bean
    FilterRegistrationBean<ApiKeyFilter> apiKeyFilter(
            ApiKeys keys, HttpApiProperties properties, ProblemWriter problems) {
        FilterRegistrationBean<ApiKeyFilter> registration = new FilterRegistrationBean<>(
                new ApiKeyFilter(keys, new ProtectedPaths(properties.publicPaths()), problems));
        registration.setOrder(API_KEY_ORDER);
        return registration;
    }

    @Bean
    HandlerAuthorization handlerAuthorization(ApplicationContext context) {
        return new HandlerAuthorization(context);
    }

    @Bean
    WebMvcConfigurer apiKeyArgumentsAndHandlerAuthorization(HandlerAuthorization authorization) {
        return new WebMvcConfigurer() {
            @Override
            public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
                resolvers.add(new ApiKeyArgumentResolver());
            }

            @Override
            public void addInterceptors(InterceptorRegistry registry) {
                registry.addInterceptor(authorization);
            }
        };
    }
}
