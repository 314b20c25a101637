package io.orderhub.httpapi;

import io.orderhub.httpapi.problem.NotReadyFilter;
import io.orderhub.httpapi.problem.ProblemErrorController;
import io.orderhub.httpapi.problem.ProblemErrorReportValve;
import io.orderhub.httpapi.problem.ProblemHandler;
import io.orderhub.httpapi.problem.ProblemWriter;
import io.orderhub.httpapi.request.RequestFirewallFilter;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import tools.jackson.databind.ObjectMapper;

/**
 * Every error as a problem document, in any web application of the platform — the services and the edge
 * alike: exception handlers and the error page, Tomcat's own refusals, and request paths with more than
 * one reading, refused before anything else reads them. The edge takes only this from the module.
 */
@AutoConfiguration(beforeName = "org.springframework.boot.webmvc.autoconfigure.error.ErrorMvcAutoConfiguration")
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@Import({ProblemHandler.class, ProblemErrorController.class})
public class ProblemsAutoConfiguration {

    /** Right after the request id, before the body limit and the API key. */
    public static final int FIREWALL_ORDER = HttpApiAutoConfiguration.REQUEST_ID_ORDER + 5;

    /** Right after the request id: nothing else runs before the application is ready. */
    public static final int NOT_READY_ORDER = HttpApiAutoConfiguration.REQUEST_ID_ORDER + 1;

    @Bean
    ProblemWriter problemWriter(ObjectMapper json) {
        return new ProblemWriter(json);
    }

    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> problemErrorReports() {
        return factory -> factory.addContextCustomizers(ProblemErrorReportValve::replaceHostValveOf);
    }

    @Bean
    FilterRegistrationBean<RequestFirewallFilter> requestFirewallFilter(ProblemWriter problems) {
        FilterRegistrationBean<RequestFirewallFilter> registration =
                new FilterRegistrationBean<>(new RequestFirewallFilter(problems));
        registration.setOrder(FIREWALL_ORDER);
        return registration;
    }

    @Bean
    FilterRegistrationBean<NotReadyFilter> notReadyFilter(
            ApplicationAvailability availability, ProblemWriter problems) {
        FilterRegistrationBean<NotReadyFilter> registration =
                new FilterRegistrationBean<>(new NotReadyFilter(availability, problems));
        registration.setOrder(NOT_READY_ORDER);
        return registration;
    }
}
