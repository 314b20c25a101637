package io.orderhub.edge;

import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The client the gateway forwards with: Apache HttpClient's classic (blocking) client, which sends and reads on
 * the request's own thread over pooled keep-alive connections. The JDK's client cost a new thread per forwarded
 * request here — Spring's body publisher runs on a {@code SimpleAsyncTaskExecutor}, and on two cores
 * CompletableFuture's default executor is a thread per task — and hands every exchange between threads: 1.5 ms of
 * the edge's CPU per order (issue 18).
 *
 * <p>Configured as a proxy, not as an application's client: bodies and their encodings pass through untouched
 * (no {@code Accept-Encoding} added, nothing decompressed), nothing is retried — a request that may have reached
 * the service is the caller's to retry with its Idempotency-Key — and no cookies are kept between callers. One
 * pooled connection per request thread: a request never waits for a connection.
 */
@Configuration(proxyBeanMethods = false)
class UpstreamClient {

    @Bean
    ClientHttpRequestFactoryBuilder<?> upstreamRequestFactory(
            @Value("${server.tomcat.threads.max:200}") int requestThreads) {
        return ClientHttpRequestFactoryBuilder.httpComponents()
                .withHttpClientCustomizer(client -> client.disableAutomaticRetries()
                        .disableContentCompression()
                        .disableCookieManagement()
                        .disableAuthCaching()
                        .disableRedirectHandling()
                        // The services close keep-alive connections idle for 60 s; the edge lets go of them first.
                        .evictIdleConnections(TimeValue.ofSeconds(30)))
                .withConnectionManagerCustomizer(
                        pool -> pool.setMaxConnPerRoute(requestThreads).setMaxConnTotal(requestThreads))
                .withDefaultRequestConfigCustomizer(
                        request -> request.setConnectionRequestTimeout(Timeout.ofSeconds(5)));
    }
}
