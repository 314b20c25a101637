package io.orderhub.console.login.web;

import io.orderhub.console.login.Role;
import java.security.Principal;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Who is logged in, with which role, for the navigation bar of every page. */
@ControllerAdvice
class CurrentUser {

    @ModelAttribute("who")
    @Nullable
    String who(@Nullable Principal principal) {
        if (!(principal instanceof Authentication authentication)) {
            return null;
        }
        return authentication.getName() + " (" + (isOperator(principal) ? "operator" : "viewer") + ")";
    }

    /** Whether the page may offer actions; the security filter decides again on every POST. */
    @ModelAttribute("operator")
    boolean operator(@Nullable Principal principal) {
        return isOperator(principal);
    }

    private static boolean isOperator(@Nullable Principal principal) {
        return principal instanceof Authentication authentication
                && authentication.getAuthorities().stream()
                        .anyMatch(authority -> authority.getAuthority().equals("ROLE_" + Role.OPERATOR.name()));
    }
}
