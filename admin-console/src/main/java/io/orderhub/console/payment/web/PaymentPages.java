package io.orderhub.console.payment.web;

import io.orderhub.console.PathIds;
import io.orderhub.console.audit.web.AuditedActions;
import io.orderhub.console.audit.web.AuditedActions.Done;
import io.orderhub.console.hub.HubClient;
import io.orderhub.console.hub.Views.Payment;
import io.orderhub.console.hub.Views.Refund;
import io.orderhub.console.payment.StuckPayments;
import java.security.Principal;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
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
 * Payments: those stuck in an open status with the provider events that matched no payment, a list by status
 * and provider, and a payment's page with its provider events. Operators
 * refund and cancel in two steps: the form leads to a review page that mints the Idempotency-Key, and only
 * its confirmation asks the service, so a confirmation sent twice (a double click, a resubmitted page) is one
 * refund. Every confirmation goes to the audit log, also one the service refused or did not answer.
 */
@Controller
class PaymentPages {

    static final List<String> STATUSES = List.of(
            "pending",
            "requires_action",
            "processing",
            "succeeded",
            "failed",
            "cancelled",
            "expired",
            "partially_refunded",
            "refunded");

    static final List<String> PROVIDERS = List.of("stripe", "btcpay", "recorded");

    private final HubClient hub;
    private final AuditedActions actions;
    private final StuckPayments stuck;

    PaymentPages(HubClient hub, AuditedActions actions, StuckPayments stuck) {
        this.hub = hub;
        this.actions = actions;
        this.stuck = stuck;
    }

    /** Without filters: the payments stuck in an open status; with them: the service's list. */
    @GetMapping("/admin/payments")
    ModelAndView payments(
            @RequestParam(required = false) @Nullable String status,
            @RequestParam(required = false) @Nullable String provider,
            @RequestParam(required = false) @Nullable String cursor) {
        String statusFilter = blankToNull(status);
        String providerFilter = blankToNull(provider);
        ModelAndView page = new ModelAndView("payments");
        page.addObject("status", statusFilter == null ? "" : statusFilter);
        page.addObject("provider", providerFilter == null ? "" : providerFilter);
        page.addObject("statuses", STATUSES);
        page.addObject("providers", PROVIDERS);
        page.addObject("stuckAfter", stuck.after());
        if ((statusFilter != null && !STATUSES.contains(statusFilter))
                || (providerFilter != null && !PROVIDERS.contains(providerFilter))) {
            page.setStatus(HttpStatus.BAD_REQUEST);
            page.addObject("problem", "Unknown status or provider: choose one from the lists");
            page.addObject("payments", List.of());
            return page;
        }
        if (statusFilter == null && providerFilter == null) {
            page.addObject("stuck", true);
            HubClient.Stuck found = stuck.now();
            page.addObject("payments", found.payments());
            page.addObject("stuckTotal", found.total());
            page.addObject("unmatched", hub.unmatchedProviderEvents(null).items());
            return page;
        }
        var found = hub.payments(statusFilter, providerFilter, blankToNull(cursor));
        page.addObject("stuck", false);
        page.addObject("payments", found.items());
        page.addObject("nextCursor", found.nextCursor());
        return page;
    }

    @GetMapping("/admin/payments/{id}")
    ModelAndView payment(@PathVariable String id) {
        return paymentPage(load(PathIds.parse(id, "payment")));
    }

    @PostMapping("/admin/payments/{id}/refunds/review")
    ModelAndView reviewRefund(
            @PathVariable String id,
            @RequestParam(required = false) @Nullable String amount,
            @RequestParam(required = false) @Nullable String reason) {
        Payment payment = load(PathIds.parse(id, "payment"));
        RefundForm.Checked checked = RefundForm.check(amount, reason, payment);
        if (checked instanceof RefundForm.Invalid invalid) {
            return refused(paymentPage(payment), invalid.problem());
        }
        RefundForm form = ((RefundForm.Valid) checked).form();
        ModelAndView review = review(payment, "refund");
        review.addObject("amount", form.amount().toPlainString());
        review.addObject("reason", form.reason());
        return review;
    }

    @PostMapping("/admin/payments/{id}/refunds")
    ModelAndView refund(
            @PathVariable String id,
            @RequestParam(required = false) @Nullable String amount,
            @RequestParam(required = false) @Nullable String reason,
            @RequestParam(name = "idempotency_key", required = false) @Nullable String key,
            Principal operator,
            RedirectAttributes flash) {
        UUID paymentId = PathIds.parse(id, "payment");
        UUID idempotencyKey = confirmationKey(key);
        RefundForm.Checked checked = RefundForm.parse(amount, reason);
        if (checked instanceof RefundForm.Invalid invalid) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, invalid.problem());
        }
        RefundForm form = ((RefundForm.Valid) checked).form();
        Payment before = load(paymentId);
        String action = "refund " + form.amount().toPlainString() + " " + before.currency();
        return act(operator, flash, action, before, () -> {
            Refund refund = hub.refund(paymentId, form.amount(), form.reason(), idempotencyKey.toString());
            return "refund " + refund.id() + " " + refund.status();
        });
    }

    @PostMapping("/admin/payments/{id}/cancel/review")
    ModelAndView reviewCancel(@PathVariable String id) {
        Payment payment = load(PathIds.parse(id, "payment"));
        if (!payment.open()) {
            return refused(paymentPage(payment), "Only an open payment can be cancelled");
        }
        return review(payment, "cancel");
    }

    @PostMapping("/admin/payments/{id}/cancel")
    ModelAndView cancel(
            @PathVariable String id,
            @RequestParam(name = "idempotency_key", required = false) @Nullable String key,
            Principal operator,
            RedirectAttributes flash) {
        UUID paymentId = PathIds.parse(id, "payment");
        UUID idempotencyKey = confirmationKey(key);
        Payment before = load(paymentId);
        return act(operator, flash, "cancel", before, () -> {
            Payment after = hub.cancel(paymentId, idempotencyKey.toString());
            return after.status();
        });
    }

    /**
     * "Ask the provider now": the payment's provider is asked at once, not at the repair worker's next look,
     * and the payment moved as it reports. Nothing is sent to the provider that changes the payment there, so no
     * confirmation step.
     */
    @PostMapping("/admin/payments/{id}/check")
    ModelAndView check(@PathVariable String id, Principal operator, RedirectAttributes flash) {
        UUID paymentId = PathIds.parse(id, "payment");
        Payment before = load(paymentId);
        return act(operator, flash, "check at " + before.provider(), before, () -> {
            Payment after = hub.check(paymentId);
            return after.status() + (after.status().equals(before.status()) ? " (unchanged)" : "");
        });
    }

    /** Asks the service under the audit log, and goes back to the payment's page. */
    private ModelAndView act(
            Principal operator, RedirectAttributes flash, String action, Payment before, Supplier<String> call) {
        String state = before.status() + ", refunded " + before.refundedAmount() + " " + before.currency();
        actions.perform(
                operator, action, "payment " + before.id(), state, flash, () -> Done.accepted(action, call.get()));
        return new ModelAndView("redirect:/admin/payments/" + before.id());
    }

    private ModelAndView paymentPage(Payment payment) {
        ModelAndView page = new ModelAndView("payment");
        page.addObject("payment", payment);
        page.addObject("history", hub.paymentHistory(payment.id()));
        page.addObject("events", hub.providerEvents(payment.id()));
        page.addObject("refundable", payment.refundableAmount().toPlainString());
        return page;
    }

    private static ModelAndView review(Payment payment, String action) {
        ModelAndView page = new ModelAndView("payment-review");
        page.addObject("payment", payment);
        page.addObject("action", action);
        page.addObject("idempotencyKey", UUID.randomUUID().toString());
        return page;
    }

    private static ModelAndView refused(ModelAndView page, String problem) {
        page.setStatus(HttpStatus.BAD_REQUEST);
        page.addObject("problem", problem);
        return page;
    }

    private Payment load(UUID id) {
        return hub.payment(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No such payment"));
    }

    /** The key the review page minted; a confirmation without one did not come from it. */
    private static UUID confirmationKey(@Nullable String key) {
        if (key == null || !PathIds.isId(key)) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "Confirm from the review page");
        }
        return UUID.fromString(key);
    }

    private static @Nullable String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
