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
        boolean operator = authentication.getAuthorities().stream()
                .anyMatch(authority -> authority.getAuthority().equals("ROLE_" + Role.OPERATOR.name()));
        return authentication.getName() + " (" + (operator ? "operator" : "viewer") + ")";
    }
}
