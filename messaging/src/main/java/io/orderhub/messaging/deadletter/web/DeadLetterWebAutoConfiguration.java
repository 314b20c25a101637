package io.orderhub.messaging.deadletter.web;

import io.orderhub.httpapi.HttpApiAutoConfiguration;
import io.orderhub.httpapi.apikey.ApiKey;
import io.orderhub.messaging.deadletter.DeadLetterAutoConfiguration;
import io.orderhub.messaging.deadletter.DeadLetters;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;

/** The dead-letter admin API, in every service with the HTTP API kit. */
@AutoConfiguration(after = {DeadLetterAutoConfiguration.class, HttpApiAutoConfiguration.class})
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(ApiKey.class)
public class DeadLetterWebAutoConfiguration {

    @Bean
    DeadLetterController deadLetterController(DeadLetters deadLetters) {
        return new DeadLetterController(deadLetters);
    }
}
