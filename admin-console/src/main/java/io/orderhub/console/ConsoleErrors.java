package io.orderhub.console;

import io.orderhub.console.hub.HubRefusal;
import io.orderhub.console.hub.HubUnavailable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/**
 * A service that cannot answer is the console's 502 page; a refusal the page did not expect keeps its 4xx.
 * Both show a short message, never a stack trace.
 */
@ControllerAdvice
class ConsoleErrors {

    private static final Logger log = LoggerFactory.getLogger(ConsoleErrors.class);

    @ExceptionHandler(HubUnavailable.class)
    ModelAndView unavailable(HubUnavailable e) {
        log.warn("A service did not answer the console: {}", e.getMessage());
        return page(HttpStatus.BAD_GATEWAY, "A service did not answer: " + e.getMessage() + ". Try again shortly.");
    }

    @ExceptionHandler(HubRefusal.class)
    ModelAndView refused(HubRefusal e) {
        if (e.status() == 401 || e.status() == 403) {
            log.warn("The services refused the console's API key ({}): check ADMIN_CONSOLE_API_KEY", e.status());
            return page(HttpStatus.BAD_GATEWAY, "The services refused the console's own API key.");
        }
        HttpStatus status = HttpStatus.resolve(e.status());
        return page(status == null ? HttpStatus.BAD_REQUEST : status, "The service refused: " + e.getMessage());
    }

    private static ModelAndView page(HttpStatus status, String message) {
        ModelAndView page = new ModelAndView("problem");
        page.setStatus(status);
        page.addObject("status", status.value());
        page.addObject("message", message);
        return page;
    }
}
