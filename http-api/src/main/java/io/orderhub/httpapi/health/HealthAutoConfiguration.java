package io.orderhub.httpapi.health;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.boot.health.autoconfigure.actuate.endpoint.HealthEndpointAutoConfiguration;
import org.springframework.context.annotation.Import;

@AutoConfiguration(after = HealthEndpointAutoConfiguration.class)
@ConditionalOnBean(HealthEndpoint.class)
@Import(HealthController.class)
public class HealthAutoConfiguration {}
