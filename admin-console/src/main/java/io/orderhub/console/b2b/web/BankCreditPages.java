package io.orderhub.console.b2b.web;

import io.orderhub.console.PathIds;
import io.orderhub.console.audit.web.AuditedActions;
import io.orderhub.console.audit.web.AuditedActions.Done;
import io.orderhub.console.hub.HubClient;
import io.orderhub.console.hub.Views.BankCredit;
import io.orderhub.console.hub.Views.Invoice;
import io.orderhub.console.hub.Views.Settlement;
import java.security.Principal;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The bank credits of imported statements, oldest first, unmatched ones by default: what the hub could not
 * place. An operator assigns one to an invoice named by its number or id; payment-service then pays the
 * invoice with it as a match would. Every assignment goes to the audit log, also one the service refused.
 */
@Controller
class BankCreditPages {

    static final List<String> STATUSES = List.of("unmatched", "matched", "assigned");

    private final HubClient hub;
    private final AuditedActions actions;

    BankCreditPages(HubClient hub, AuditedActions actions) {
        this.hub = hub;
        this.actions = actions;
    }

    @GetMapping("/admin/bank-credits")
    ModelAndView credits(
            @RequestParam(required = false) @Nullable String status,
            @RequestParam(required = false) @Nullable String cursor) {
        String statusFilter = status == null || status.isBlank() ? "unmatched" : status.strip();
        ModelAndView page = new ModelAndView("bank-credits");
        page.addObject("status", statusFilter);
        page.addObject("statuses", STATUSES);
        if (!STATUSES.contains(statusFilter)) {
            page.addObject("credits", List.of());
            return refused(page, HttpStatus.BAD_REQUEST, "Unknown status: choose one from the list");
        }
        var found = hub.bankCredits(statusFilter, cursor == null || cursor.isBlank() ? null : cursor.strip());
        page.addObject("credits", found.items());
        page.addObject("nextCursor", found.nextCursor());
        return page;
    }

    @PostMapping("/admin/bank-credits/{id}/assign")
    ModelAndView assign(
            @PathVariable String id,
            @RequestParam(required = false) @Nullable String invoice,
            Principal operator,
            RedirectAttributes flash) {
        UUID creditId = PathIds.parse(id, "bank credit");
        BankCredit credit = hub.bankCredit(creditId)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No such bank credit"));
        InvoiceReference reference = InvoiceReference.parse(invoice);
        if (reference instanceof InvoiceReference.Invalid invalid) {
            return refused(credits("unmatched", null), HttpStatus.BAD_REQUEST, invalid.problem());
        }
        String named = reference instanceof InvoiceReference.Id byId
                ? "invoice " + byId.id()
                : ((InvoiceReference.Number) reference).number();
        Optional<UUID> invoiceId = reference instanceof InvoiceReference.Id byId
                ? Optional.of(byId.id())
                : hub.invoiceNumbered(named).map(Invoice::id);
        if (invoiceId.isEmpty()) {
            return refused(credits("unmatched", null), HttpStatus.UNPROCESSABLE_ENTITY, "No invoice " + named);
        }
        String action = "assign bank credit to " + named;
        String before = credit.status() + ", " + credit.amount() + " " + credit.currency() + " from "
                + (credit.payerName() == null ? "an unnamed payer" : credit.payerName());
        actions.perform(operator, action, "bank credit " + creditId, before, flash, () -> {
            Settlement settled = hub.assignBankCredit(creditId, invoiceId.get());
            return Done.accepted(action, outcome(settled));
        });
        return new ModelAndView("redirect:/admin/bank-credits");
    }

    /** "invoice RE-2026-000003 partially_paid (overpaid)". */
    private static String outcome(Settlement settled) {
        return "invoice " + settled.invoiceNumber() + " " + settled.invoiceStatus()
                + (settled.discount() == null ? "" : ", discount " + settled.discount())
                + (settled.overpaid() ? " (overpaid)" : "")
                + (settled.alreadyApplied() ? " (already assigned)" : "");
    }

    private static ModelAndView refused(ModelAndView page, HttpStatus status, String problem) {
        page.setStatus(status);
        page.addObject("problem", problem);
        return page;
    }
}
