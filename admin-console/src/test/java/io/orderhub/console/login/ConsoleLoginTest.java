package io.orderhub.console.login;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Who gets in and what each role may do. No service is reachable here ({@code ORDERHUB_API_URL} points at a
 * closed port): every request tested is decided by the console's security before any service is asked.
 */
@SpringBootTest(properties = {"orderhub.console.hub.url=http://127.0.0.1:9", "orderhub.console.hub.api-key=unused"})
@AutoConfigureMockMvc
class ConsoleLoginTest {

    @Autowired
    MockMvc mvc;

    /** olga: a plain secret; victor: sha256 of "victor-secret"; bea: a bcrypt hash made now. */
    @DynamicPropertySource
    static void users(DynamicPropertyRegistry registry) {
        String bcrypt = new BCryptPasswordEncoder(4).encode("bea-secret");
        registry.add(
                "orderhub.console.users",
                () -> "olga:olga-secret;role=operator,"
                        + "victor:sha256:e7a8c540cc3b2c280a75c512d56ab9fc02af8c8dfe9918c87f4d9cf04c5b1e43,"
                        + "bea:{bcrypt}" + bcrypt + ";role=operator");
    }

    @Test
    void logsInWithAPlainSecretAndOpensTheOrders() throws Exception {
        mvc.perform(formLogin("/admin/login").user("olga").password("olga-secret"))
                .andExpect(authenticated().withUsername("olga").withRoles("OPERATOR"))
                .andExpect(redirectedUrl("/admin/orders"));
    }

    @Test
    void logsInWithASha256Entry() throws Exception {
        mvc.perform(formLogin("/admin/login").user("victor").password("victor-secret"))
                .andExpect(authenticated().withUsername("victor").withRoles("VIEWER"));
    }

    @Test
    void refusesAWrongPasswordAndAnUnknownUser() throws Exception {
        mvc.perform(formLogin("/admin/login").user("olga").password("olga-secret-not"))
                .andExpect(unauthenticated())
                .andExpect(redirectedUrl("/admin/login?error"));
        mvc.perform(formLogin("/admin/login").user("mallory").password("olga-secret"))
                .andExpect(unauthenticated())
                .andExpect(redirectedUrl("/admin/login?error"));
    }

    @Test
    void refusesALoginWithoutCsrfToken() throws Exception {
        mvc.perform(post("/admin/login").param("username", "olga").param("password", "olga-secret"))
                .andExpect(status().isForbidden())
                .andExpect(unauthenticated());
    }

    @Test
    void sendsAnAnonymousPageRequestToTheLoginForm() throws Exception {
        mvc.perform(get("/admin/orders")).andExpect(redirectedUrl("/admin/login"));
    }

    @Test
    void servesTheLoginFormWithItsCsrfTokenAndFields() throws Exception {
        mvc.perform(get("/admin/login"))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("name=\"_csrf\"")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("name=\"username\"")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("name=\"password\"")));
    }

    @Test
    void rendersAPageWithTheNavigationBarNamingTheUserAndRole() throws Exception {
        // The audit page asks no service: the whole layout renders here.
        mvc.perform(get("/admin/audit").with(user("victor").roles("VIEWER")))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("victor (viewer)")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("aria-label=\"Console\"")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("No actions yet.")));
        mvc.perform(get("/admin/audit").with(user("olga").roles("OPERATOR")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("olga (operator)")));
    }

    /** Every action the console offers, each a POST. */
    static final List<String> ACTIONS = List.of(
            "/admin/callbacks/0190a1b2-0000-7000-8000-000000000001/replay",
            "/admin/callbacks/replay",
            "/admin/callbacks/endpoints/woocommerce/enable",
            "/admin/payments/0190a1b2-0000-7000-8000-000000000002/refunds/review",
            "/admin/payments/0190a1b2-0000-7000-8000-000000000002/refunds",
            "/admin/payments/0190a1b2-0000-7000-8000-000000000002/cancel/review",
            "/admin/payments/0190a1b2-0000-7000-8000-000000000002/cancel",
            "/admin/payments/0190a1b2-0000-7000-8000-000000000002/check",
            "/admin/dead-letters/payment-service/orderhub.order-events.v1.DLT/3/17/replay",
            "/admin/dead-letters/payment-service/replay-all",
            "/admin/bank-credits/0190a1b2-0000-7000-8000-000000000004/assign");

    @Test
    void refusesEveryActionToAViewerWith403() throws Exception {
        for (String action : ACTIONS) {
            mvc.perform(post(action)
                            .param("amount", "10.00")
                            .param("reason", "viewer tries")
                            .param("idempotency_key", "0190a1b2-0000-7000-8000-000000000003")
                            .with(user("victor").roles("VIEWER"))
                            .with(csrf()))
                    .andExpect(status().isForbidden());
        }
    }

    @Test
    void refusesEveryOperatorsActionWithoutCsrfToken() throws Exception {
        for (String action : ACTIONS) {
            mvc.perform(post(action).param("amount", "10.00").with(user("olga").roles("OPERATOR")))
                    .andExpect(status().isForbidden());
        }
    }

    @Test
    void sendsAnAnonymousActionToTheLoginForm() throws Exception {
        for (String action : ACTIONS) {
            mvc.perform(post(action).with(csrf())).andExpect(redirectedUrl("/admin/login"));
        }
    }

    @Test
    void answers404ForADeadLetterOfAServiceNotConfiguredOrWithCoordinatesThatNameNone() throws Exception {
        for (String action : List.of(
                "/admin/dead-letters/payment-service/orderhub.order-events.v1.DLT/3/17/replay",
                "/admin/dead-letters/payment-service/replay-all")) {
            mvc.perform(post(action).with(user("olga").roles("OPERATOR")).with(csrf()))
                    .andExpect(status().isNotFound());
        }
    }

    @Test
    void answersItsHealthAndProbesWithoutALogin() throws Exception {
        mvc.perform(get("/health")).andExpect(status().isOk());
        mvc.perform(get("/actuator/health/readiness")).andExpect(status().isOk());
        mvc.perform(get("/actuator/env")).andExpect(redirectedUrl("/admin/login"));
        mvc.perform(get("/actuator/env").with(user("olga").roles("OPERATOR"))).andExpect(status().isForbidden());
    }

    @Test
    void refusesMethodsNoPageOffers() throws Exception {
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete("/admin/orders")
                        .with(user("olga").roles("OPERATOR"))
                        .with(csrf()))
                .andExpect(status().isForbidden());
    }

    @Test
    void logsInWithABcryptEntry() throws Exception {
        mvc.perform(formLogin("/admin/login").user("bea").password("bea-secret"))
                .andExpect(authenticated().withUsername("bea").withRoles("OPERATOR"));
        mvc.perform(formLogin("/admin/login").user("bea").password("bea-secret!"))
                .andExpect(unauthenticated());
    }
}
