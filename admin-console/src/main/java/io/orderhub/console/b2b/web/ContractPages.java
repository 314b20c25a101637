package io.orderhub.console.b2b.web;

import io.orderhub.console.PathIds;
import io.orderhub.console.hub.HubClient;
import io.orderhub.console.hub.Views.Contract;
import io.orderhub.console.hub.Views.Invoice;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.ModelAndView;

/**
 * Contracts (order-service) newest first, one contract with what its invoices leave open by age and its
 * invoices (payment-service), and one invoice with its lines and credit notes. Read only: contracts are
 * made and changed through the API.
 */
@Controller
class ContractPages {

    static final List<String> STATUSES = List.of("active", "suspended");

    private final HubClient hub;

    ContractPages(HubClient hub) {
        this.hub = hub;
    }

    @GetMapping("/admin/contracts")
    ModelAndView contracts(
            @RequestParam(required = false) @Nullable String status,
            @RequestParam(required = false) @Nullable String cursor) {
        String statusFilter = blankToNull(status);
        ModelAndView page = new ModelAndView("contracts");
        page.addObject("status", statusFilter == null ? "" : statusFilter);
        page.addObject("statuses", STATUSES);
        if (statusFilter != null && !STATUSES.contains(statusFilter)) {
            page.setStatus(HttpStatus.BAD_REQUEST);
            page.addObject("problem", "Unknown status: choose one from the list");
            page.addObject("contracts", List.of());
            return page;
        }
        var found = hub.contracts(statusFilter, blankToNull(cursor));
        page.addObject("contracts", found.items());
        page.addObject("nextCursor", found.nextCursor());
        return page;
    }

    @GetMapping("/admin/contracts/{id}")
    ModelAndView contract(@PathVariable String id, @RequestParam(required = false) @Nullable String cursor) {
        UUID contractId = PathIds.parse(id, "contract");
        Contract contract = hub.contract(contractId)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No such contract"));
        var invoices = hub.invoices(null, contractId, blankToNull(cursor));
        ModelAndView page = new ModelAndView("contract");
        page.addObject("contract", contract);
        page.addObject("aging", hub.aging(contractId));
        page.addObject("invoices", invoices.items());
        page.addObject("nextCursor", invoices.nextCursor());
        return page;
    }

    @GetMapping("/admin/invoices/{id}")
    ModelAndView invoice(@PathVariable String id) {
        Invoice invoice = hub.invoice(PathIds.parse(id, "invoice"))
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No such invoice"));
        return new ModelAndView("invoice").addObject("invoice", invoice);
    }

    private static @Nullable String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
