package io.orderhub.console.b2b.web;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.orderhub.console.audit.AuditLog;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/**
 * The B2B pages against the services' API v1 played by a real HTTP server (WireMock) answering in the
 * services' own shapes: contracts with their aging and invoices, an invoice, the unmatched bank credits, and an
 * assignment the service refuses — shown as a refusal and audited.
 */
@SpringBootTest(properties = "orderhub.console.hub.api-key=console-key")
@AutoConfigureMockMvc
class B2bPagesTest {

    static final String CONTRACT = "0190a1b2-0000-7000-8000-00000000c001";
    static final String INVOICE = "0190a1b2-0000-7000-8000-00000000a001";
    static final String ORDER = "0190a1b2-0000-7000-8000-00000000b001";
    static final String CREDIT = "0190a1b2-0000-7000-8000-00000000d001";
    static final String OTHER_INVOICE = "0190a1b2-0000-7000-8000-00000000a002";

    static final String CONTRACT_JSON = """
            {"id": "%s", "channel": "b2b", "status": "active", "version": 2,
             "customer": {"company": "Praxis Nord GmbH", "vat_id": "DE123456789", "email": "buchhaltung@praxis-nord.example",
                          "address": {"line1": "Hafenstr. 1", "postal_code": "20457", "city": "Hamburg", "country": "DE"},
                          "buyer_reference": null},
             "payment_terms": {"net_days": 30, "discount_percent": 2.00, "discount_days": 10},
             "credit_limit": {"amount": 5000.00, "currency": "EUR"},
             "created_at": "2026-12-01T09:00:00Z", "updated_at": "2026-12-02T09:00:00Z"}""".formatted(CONTRACT);

    static final String INVOICE_JSON = """
            {"id": "%s", "number": "RE-2026-000017", "status": "partially_paid", "order_id": "%s", "contract_id": "%s",
             "source": "b2b", "currency": "EUR", "net_total": 356.00, "tax_total": 67.64, "shipping_total": 0.00,
             "discount_total": 0.00, "total": 423.64, "paid_amount": 200.00, "credited_amount": 8.47,
             "outstanding": 215.17, "issued_at": "2026-12-06T10:00:00Z", "due_date": "2027-01-05",
             "discount_date": "2026-12-16", "discount_amount": 8.47,
             "buyer": {"company": "Praxis Nord GmbH"}, "payment_terms": {"net_days": 30},
             "lines": [{"name": "Untersuchungshandschuhe M", "sku": "HANDSCHUH-M-100", "quantity": 40,
                        "unit_price": 8.90, "net": 356.00, "tax_rate": 0.19, "tax": 67.64}],
             "credit_notes": [{"id": "0190a1b2-0000-7000-8000-00000000e001", "number": "GS-2026-000003", "amount": 8.47,
                               "reason": "Damaged box", "issued_at": "2026-12-06T11:00:00Z", "issued_by": "console"}],
             "issued_by": "system"}""".formatted(INVOICE, ORDER, CONTRACT);

    static final String CREDIT_JSON = """
            {"id": "%s", "status": "unmatched", "entry_reference": "2026120600002", "account_iban": "DE89370400440532013000",
             "message_type": "camt.053.001.08", "message_id": "STMT-2026-12-06-001", "amount": 215.17, "currency": "EUR",
             "booking_date": "2026-12-06", "payer_name": "Unbekannt AG", "payer_iban": "DE44500105175407324931",
             "remittance": "Vielen Dank", "matched_by": null, "invoice_id": null, "payment_id": null, "overpaid": false,
             "received_at": "2026-12-06T18:00:00Z", "resolved_at": null, "resolved_by": null}""".formatted(CREDIT);

    static final WireMockServer HUB = started();

    @Autowired
    MockMvc mvc;

    @Autowired
    AuditLog audit;

    @DynamicPropertySource
    static void hub(DynamicPropertyRegistry registry) {
        registry.add("orderhub.console.hub.url", HUB::baseUrl);
    }

    private static WireMockServer started() {
        WireMockServer server = new WireMockServer(options().dynamicPort());
        server.start();
        server.stubFor(get(urlPathEqualTo("/api/v1/contracts"))
                .willReturn(okJson("{\"success\": true, \"data\": [" + CONTRACT_JSON + "], \"next_cursor\": null}")));
        server.stubFor(get(urlPathEqualTo("/api/v1/contracts/" + CONTRACT))
                .willReturn(okJson("{\"success\": true, \"data\": " + CONTRACT_JSON + "}")));
        server.stubFor(get(urlPathEqualTo("/api/v1/receivables/aging"))
                .withQueryParam("contract_id", equalTo(CONTRACT))
                .willReturn(okJson("""
                        {"success": true, "data": {"contract_id": "%s", "as_of": "2026-12-06", "open_invoices": 1,
                         "currencies": [{"currency": "EUR", "current": 215.17, "days_1_30": 0.00, "days_31_60": 0.00,
                                         "days_61_90": 0.00, "over_90": 0.00, "total": 215.17}]}}""".formatted(CONTRACT))));
        server.stubFor(get(urlPathEqualTo("/api/v1/invoices"))
                .willReturn(okJson("{\"success\": true, \"data\": [" + INVOICE_JSON + "], \"next_cursor\": null}")));
        server.stubFor(get(urlPathEqualTo("/api/v1/invoices/" + INVOICE))
                .willReturn(okJson("{\"success\": true, \"data\": " + INVOICE_JSON + "}")));
        server.stubFor(get(urlPathEqualTo("/api/v1/bank-credits"))
                .withQueryParam("status", equalTo("unmatched"))
                .willReturn(okJson("{\"success\": true, \"data\": [" + CREDIT_JSON + "], \"next_cursor\": null}")));
        server.stubFor(get(urlPathEqualTo("/api/v1/bank-credits/" + CREDIT))
                .willReturn(okJson("{\"success\": true, \"data\": " + CREDIT_JSON + "}")));
        server.stubFor(post(urlPathEqualTo("/api/v1/bank-credits/" + CREDIT + "/assign"))
                .willReturn(aResponse()
                        .withStatus(409)
                        .withHeader("Content-Type", "application/problem+json")
                        .withBody("""
                                {"type": "https://orderhub.io/problems/conflict", "title": "Conflict", "status": 409,
                                 "detail": "The bank credit pays invoice %s already", "invoice_id": "%s"}""".formatted(OTHER_INVOICE, OTHER_INVOICE))));
        return server;
    }

    @AfterAll
    static void stop() {
        HUB.stop();
    }

    @Test
    void aViewerReadsTheContractsAndAContractWithItsAgingAndInvoices() throws Exception {
        mvc.perform(MockMvcRequestBuilders.get("/admin/contracts")
                        .with(user("victor").roles("VIEWER")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Praxis Nord GmbH")))
                .andExpect(content().string(containsString("2.00 % within 10 days, 30 days net")))
                .andExpect(content().string(containsString("5000.00 EUR")))
                .andExpect(content().string(containsString("href=\"/admin/contracts\">Contracts</a>")))
                .andExpect(content().string(containsString("href=\"/admin/bank-credits\">Bank credits</a>")));
        mvc.perform(MockMvcRequestBuilders.get("/admin/contracts/" + CONTRACT)
                        .with(user("victor").roles("VIEWER")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("As of 2026-12-06: 1 open invoice")))
                .andExpect(content().string(containsString("<td class=\"current\">215.17</td>")))
                .andExpect(content().string(containsString("RE-2026-000017")))
                .andExpect(content().string(containsString("partially_paid")));
    }

    @Test
    void aViewerReadsAnInvoiceWithItsLinesAndCreditNotes() throws Exception {
        mvc.perform(MockMvcRequestBuilders.get("/admin/invoices/" + INVOICE)
                        .with(user("victor").roles("VIEWER")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("<dd id=\"invoice-outstanding\">215.17</dd>")))
                .andExpect(content().string(containsString("8.47 if paid by 2026-12-16")))
                .andExpect(content().string(containsString("HANDSCHUH-M-100")))
                .andExpect(content().string(containsString("GS-2026-000003")));
    }

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

    @Test
    void aViewerSeesTheUnmatchedCreditsAndOnlyAnOperatorTheAssignForm() throws Exception {
        mvc.perform(MockMvcRequestBuilders.get("/admin/bank-credits")
                        .with(user("victor").roles("VIEWER")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("215.17 EUR")))
                .andExpect(content().string(containsString("Unbekannt AG")))
                .andExpect(content().string(not(containsString("Assign to invoice</button>"))));
        mvc.perform(MockMvcRequestBuilders.get("/admin/bank-credits")
                        .with(user("olga").roles("OPERATOR")))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(containsString("for=\"invoice-for-" + CREDIT + "\">Invoice number or id</label>")))
                .andExpect(content().string(containsString("Assign to invoice</button>")));
    }

    @Test
    void showsTheServicesRefusalOfAnAssignmentByNumberAndAuditsIt() throws Exception {
        mvc.perform(MockMvcRequestBuilders.post("/admin/bank-credits/" + CREDIT + "/assign")
                        .param("invoice", "re 2026 000017")
                        .with(user("olga").roles("OPERATOR"))
                        .with(csrf()))
                .andExpect(redirectedUrl("/admin/bank-credits"))
                .andExpect(flash().attribute(
                                "problem",
                                "Assign bank credit to RE-2026-000017 refused: The bank credit pays invoice "
                                        + OTHER_INVOICE + " already"));

        HUB.verify(postRequestedFor(urlPathEqualTo("/api/v1/bank-credits/" + CREDIT + "/assign"))
                .withRequestBody(equalToJson("{\"invoice_id\": \"" + INVOICE + "\"}")));
        assertThat(audit.latest())
                .anySatisfy(entry -> assertThat(entry.toString())
                        .contains("olga")
                        .contains("assign bank credit to RE-2026-000017")
                        .contains("bank credit " + CREDIT)
                        .contains("refused (409)"));
    }

    @Test
    void refusesAnInvoiceThatIsNeitherNumberNorIdAndANumberNoInvoiceHas() throws Exception {
        mvc.perform(MockMvcRequestBuilders.post("/admin/bank-credits/" + CREDIT + "/assign")
                        .param("invoice", "<script>")
                        .with(user("olga").roles("OPERATOR"))
                        .with(csrf()))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("is neither an invoice number")))
                .andExpect(content().string(not(containsString("<script>\""))));
        mvc.perform(MockMvcRequestBuilders.post("/admin/bank-credits/" + CREDIT + "/assign")
                        .param("invoice", "RE-2026-999999")
                        .with(user("olga").roles("OPERATOR"))
                        .with(csrf()))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(content().string(containsString("No invoice RE-2026-999999 among the newest 1000")));
    }
}
