package io.orderhub.httpapi.ratelimit;

import io.orderhub.httpapi.HttpApiAutoConfiguration;
import io.orderhub.httpapi.HttpApiProperties;
import io.orderhub.httpapi.apikey.ApiKeys;
import io.orderhub.httpapi.apikey.RateLimit;
import io.orderhub.httpapi.problem.ProblemWriter;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;

/** The throttle of failed authentication, in every service (it needs no database). */
@AutoConfiguration(after = HttpApiAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableConfigurationProperties(AuthFailureThrottleProperties.class)
public class AuthFailureThrottleAutoConfiguration {

    /** Just before the API key check, whose 401 answers it counts. */
    public static final int AUTH_FAILURE_THROTTLE_ORDER = HttpApiAutoConfiguration.API_KEY_ORDER - 5;

    @Bean
    AuthFailureThrottle authFailureThrottle(AuthFailureThrottleProperties properties) {
        return new AuthFailureThrottle(RateLimit.parse(properties.limit()), properties.maxAddresses());
    }

    @Bean
    FilterRegistrationBean<AuthFailureThrottleFilter> authFailureThrottleFilter(
            AuthFailureThrottle throttle, ApiKeys keys, HttpApiProperties api, ProblemWriter problems) {
        FilterRegistrationBean<AuthFailureThrottleFilter> registration = new FilterRegistrationBean<>(
                new AuthFailureThrottleFilter(throttle, keys, api.publicPaths(), problems));
        registration.setOrder(AUTH_FAILURE_THROTTLE_ORDER);
        return registration;
    }
}
