package io.orderhub.console.login.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The login form; Spring Security checks what it posts. */
@Controller
class LoginPage {

    @GetMapping("/admin/login")
    String login() {
        return "login";
    }
}
