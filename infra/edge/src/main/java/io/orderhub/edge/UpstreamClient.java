package io.orderhub.edge;

import java.net.http.HttpClient;
import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The client the gateway forwards with. HTTP/1.1: the JDK client would otherwise try an h2c upgrade on
 * every request with a body, which servlet containers answer inconsistently.
 */
@Configuration(proxyBeanMethods = false)
class UpstreamClient {

    @Bean
    ClientHttpRequestFactoryBuilder<?> upstreamRequestFactory() {
        return ClientHttpRequestFactoryBuilder.jdk()
                .withHttpClientCustomizer(client -> client.version(HttpClient.Version.HTTP_1_1));
    }
}
