package io.orderhub.console.login.web;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The login form, and the identity provider's login where one is configured; Spring Security checks both. */
@Controller
class LoginPage {

    private final boolean singleSignOn;

    LoginPage(ObjectProvider<ClientRegistrationRepository> oidcClients) {
        this.singleSignOn = oidcClients.getIfAvailable() != null;
    }

    @GetMapping("/admin/login")
    String login(Model model) {
        model.addAttribute("singleSignOn", singleSignOn);
        return "login";
    }
}
