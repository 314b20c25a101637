package io.orderhub.console.b2b.web;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/**
 * What the B2B pages refuse before any service is asked (no service is reachable here): a malformed id names
 * nothing, an unknown status is the page's 400. What they show is ConsoleBrowserIT's, against the real
 * platform.
 */
@SpringBootTest(properties = {"orderhub.console.hub.url=http://127.0.0.1:9", "orderhub.console.hub.api-key=unused"})
@AutoConfigureMockMvc
class B2bPagesTest {

    @Autowired
    MockMvc mvc;

    @Test
    void answers404ForAMalformedContractOrInvoiceIdAnd400ForAnUnknownStatus() throws Exception {
        mvc.perform(MockMvcRequestBuilders.get("/admin/contracts/nope")
                        .with(user("victor").roles("VIEWER")))
                .andExpect(status().isNotFound());
        mvc.perform(MockMvcRequestBuilders.get("/admin/invoices/nope")
                        .with(user("victor").roles("VIEWER")))
                .andExpect(status().isNotFound());
        mvc.perform(MockMvcRequestBuilders.get("/admin/bank-credits?status=lost")
                        .with(user("victor").roles("VIEWER")))
                .andExpect(status().isBadRequest());
        mvc.perform(MockMvcRequestBuilders.get("/admin/contracts?status=lost")
                        .with(user("victor").roles("VIEWER")))
                .andExpect(status().isBadRequest());
    }
}
