package io.orderhub.payments.payment.web;

import io.orderhub.httpapi.apikey.RequiresAdmin;
import io.orderhub.httpapi.apikey.RequiresScope;
import io.orderhub.httpapi.apikey.Scope;
import io.orderhub.httpapi.request.TimeWindow;
import io.orderhub.payments.payment.CountPayments;
import io.orderhub.payments.payment.PaymentFigure;
import io.swagger.v3.oas.annotations.Operation;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Payment counts and volume over a window, for the operators' console overview; admin keys only. */
@RestController
class PaymentFiguresController {

    private final CountPayments countPayments;

    PaymentFiguresController(CountPayments countPayments) {
        this.countPayments = countPayments;
    }

    @Operation(
            summary = "Payments created in [from, to) per provider, currency and status, optionally per hour",
            description = """
                    `from` and `to`: RFC 3339 timestamps, `from` before `to`, at most 366 days apart; `per=hour` \
                    splits the window into hours (UTC), at most 31 days. Answers `from`, `to`, `per` and \
                    `figures`: for each `hour` (the hour's start, or `null` for the whole window), `provider`, \
                    `currency` and `status` (the payment's status now) that had payments, the number of \
                    `payments` and the sum of their `amount`. Payments whose creation the provider has not \
                    confirmed are not counted, as they are not listed. Ordered by hour, provider, currency, \
                    status; combinations without payments are absent. Admin keys only.""")
    @RequiresScope(Scope.PAYMENTS_READ)
    @RequiresAdmin
    @GetMapping("/api/v1/payments/figures")
    Map<String, Object> figures(
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            @RequestParam(required = false) String per) {
        TimeWindow window = TimeWindow.parse(from, to, per);
        return window.answer(countPayments.in(window.from(), window.to(), window.perHour()).stream()
                .map(PaymentFiguresController::json)
                .toList());
    }

    private static Map<String, Object> json(PaymentFigure figure) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("hour", figure.hour() == null ? null : figure.hour().toString());
        json.put("provider", figure.provider());
        json.put("currency", figure.currency());
        json.put("status", figure.status());
        json.put("payments", figure.payments());
        json.put("amount", figure.amount());
        return json;
    }
}
