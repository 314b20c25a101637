package io.orderhub.edge;

import static org.springframework.cloud.gateway.server.mvc.filter.BeforeFilterFunctions.uri;
import static org.springframework.cloud.gateway.server.mvc.handler.GatewayRouterFunctions.route;
import static org.springframework.cloud.gateway.server.mvc.handler.HandlerFunctions.http;
import static org.springframework.web.servlet.function.RequestPredicates.path;

import io.orderhub.httpapi.ProblemsAutoConfiguration;
import io.orderhub.httpapi.problem.ProblemWriter;
import java.net.URI;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * The routes of the one origin. The gateway streams request and response bodies through unchanged,
 * which the webhook signatures depend on.
 */
@Configuration(proxyBeanMethods = false)
class Routes {

    @Bean
    RouterFunction<ServerResponse> orderRoutes(EdgeProperties services) {
        return to(
                "orders",
                services.orderService(),
                "/api/v1/orders",
                "/api/v1/orders/**",
                "/api/v1/settings",
                "/api/v1/import/orders/**",
                "/api/v1/contracts",
                "/api/v1/contracts/**");
    }

    @Bean
    RouterFunction<ServerResponse> paymentRoutes(EdgeProperties services) {
        return to(
                "payments",
                services.paymentService(),
                "/api/v1/payments",
                "/api/v1/payments/**",
                "/api/v1/terminal/**",
                "/api/v1/import/payments/**",
                "/api/v1/reconciliation/**",
                "/api/v1/provider-events/**",
                "/api/v1/invoices",
                "/api/v1/invoices/**",
                "/api/v1/bank-statements",
                "/api/v1/bank-credits",
                "/api/v1/bank-credits/**",
                "/api/v1/receivables/**",
                "/api/v1/settlements",
                "/api/v1/settlements.csv");
    }

    @Bean
    RouterFunction<ServerResponse> webhookRoutes(EdgeProperties services) {
        return to("webhooks", services.webhookGateway(), "/api/v1/webhooks/**");
    }

    @Bean
    RouterFunction<ServerResponse> callbackRoutes(EdgeProperties services) {
        return to("callbacks", services.callbackDispatcher(), "/api/v1/callbacks", "/api/v1/callbacks/**");
    }

    /** The operators' console: its pages, form posts, assets and WebJars all live under /admin. */
    @Bean
    RouterFunction<ServerResponse> consoleRoutes(EdgeProperties services) {
        return to("console", services.adminConsole(), "/admin", "/admin/**");
    }

    /** After the path firewall, before any route: a Content-Type the edge could not forward is a 415. */
    @Bean
    FilterRegistrationBean<ForwardableContentType> forwardableContentType(ProblemWriter problems) {
        FilterRegistrationBean<ForwardableContentType> registration =
                new FilterRegistrationBean<>(new ForwardableContentType(problems));
        registration.setOrder(ProblemsAutoConfiguration.FIREWALL_ORDER + 1);
        return registration;
    }

    private static RouterFunction<ServerResponse> to(String id, URI service, String... paths) {
        var predicate = path(paths[0]);
        for (int i = 1; i < paths.length; i++) {
            predicate = predicate.or(path(paths[i]));
        }
        return route(id).route(predicate, http()).before(uri(service)).build();
    }
}
