package io.orderhub.httpapi;

import io.orderhub.httpapi.apikey.RateLimit;
import io.orderhub.httpapi.idempotency.IdempotencyFilter;
import io.orderhub.httpapi.idempotency.IdempotencyStore;
import io.orderhub.httpapi.idempotency.IdempotentResponses;
import io.orderhub.httpapi.periodic.PeriodicJob;
import io.orderhub.httpapi.problem.DatabaseUnavailableFilter;
import io.orderhub.httpapi.problem.ProblemWriter;
import io.orderhub.httpapi.ratelimit.RateLimitFilter;
import io.orderhub.httpapi.ratelimit.RateLimiter;
import java.time.Duration;
import javax.sql.DataSource;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.jooq.autoconfigure.JooqAutoConfiguration;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import tools.jackson.databind.ObjectMapper;

/**
 * The guard rails that keep state in the service's database: rate limits (Bucket4j) and
 * Idempotency-Keys, and 503 with Retry-After when no database connection is free in time. Tables come with the migrations in {@code db/orderhub/http-api}, which the service
 * adds to its Flyway locations.
 */
@AutoConfiguration(after = {HttpApiAutoConfiguration.class, JooqAutoConfiguration.class})
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnBean(DSLContext.class)
public class StatefulGuardRailsAutoConfiguration {

    private static final Logger log = LoggerFactory.getLogger(StatefulGuardRailsAutoConfiguration.class);

    /** Right after the request id: around every filter that needs a database connection. */
    public static final int DATABASE_UNAVAILABLE_ORDER = HttpApiAutoConfiguration.REQUEST_ID_ORDER + 5;

    @Bean
    FilterRegistrationBean<DatabaseUnavailableFilter> databaseUnavailableFilter(ProblemWriter problems) {
        FilterRegistrationBean<DatabaseUnavailableFilter> registration =
                new FilterRegistrationBean<>(new DatabaseUnavailableFilter(problems));
        registration.setOrder(DATABASE_UNAVAILABLE_ORDER);
        return registration;
    }

    @Bean
    RateLimiter rateLimiter(DataSource dataSource, HttpApiProperties properties) {
        return new RateLimiter(dataSource, RateLimit.parse(properties.rateLimit()));
    }

    @Bean
    FilterRegistrationBean<RateLimitFilter> rateLimitFilter(RateLimiter limiter, ProblemWriter problems) {
        FilterRegistrationBean<RateLimitFilter> registration =
                new FilterRegistrationBean<>(new RateLimitFilter(limiter, problems));
        registration.setOrder(HttpApiAutoConfiguration.RATE_LIMIT_ORDER);
        return registration;
    }

    @Bean
    IdempotencyStore idempotencyStore(DSLContext db, ObjectMapper json, HttpApiProperties properties) {
        return new IdempotencyStore(db, json, properties.idempotencyTtl(), properties.idempotencyLease());
    }

    @Bean
    FilterRegistrationBean<IdempotencyFilter> idempotencyFilter(IdempotencyStore store, ProblemWriter problems) {
        FilterRegistrationBean<IdempotencyFilter> registration =
                new FilterRegistrationBean<>(new IdempotencyFilter(store, problems));
        registration.setOrder(HttpApiAutoConfiguration.IDEMPOTENCY_ORDER);
        return registration;
    }

    @Bean
    IdempotentResponses idempotentResponses(IdempotencyStore store, ObjectMapper json) {
        return new IdempotentResponses(store, json);
    }

    /** Deletes Idempotency-Keys past their 24 h; plain deletes, so safe on every instance. */
    @Bean
    PeriodicJob idempotencyPurge(IdempotencyStore store) {
        return new PeriodicJob("idempotency-purge", Duration.ofHours(1), () -> {
            int purged = store.purgeExpired();
            if (purged > 0) {
                log.info("Purged {} expired Idempotency-Keys", purged);
            }
        });
    }
}
