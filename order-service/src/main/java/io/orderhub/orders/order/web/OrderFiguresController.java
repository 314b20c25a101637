package io.orderhub.orders.order.web;

import io.orderhub.httpapi.apikey.RequiresAdmin;
import io.orderhub.httpapi.apikey.RequiresScope;
import io.orderhub.httpapi.apikey.Scope;
import io.orderhub.httpapi.request.TimeWindow;
import io.orderhub.orders.order.CountOrders;
import io.orderhub.orders.order.OrderFigure;
import io.swagger.v3.oas.annotations.Operation;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Order counts and amounts over a window, for the operators' console overview; admin keys only. */
@RestController
class OrderFiguresController {

    private final CountOrders countOrders;

    OrderFiguresController(CountOrders countOrders) {
        this.countOrders = countOrders;
    }

    @Operation(
            summary = "Orders created in [from, to) per channel and currency, optionally per hour",
            description = """
                    `from` and `to`: RFC 3339 timestamps, `from` before `to`, at most 366 days apart; `per=hour` \
                    splits the window into hours (UTC), at most 31 days. Answers `from`, `to`, `per` and \
                    `figures`: for each `hour` (the hour's start, or `null` for the whole window), `channel` and \
                    `currency` that had orders, the number of `orders` created and the sum of their \
                    `grand_total` as `amount`, whatever their status now. Ordered by hour, channel, currency; \
                    combinations without orders are absent. Admin keys only.""")
    @RequiresScope(Scope.ORDERS_READ)
    @RequiresAdmin
    @GetMapping("/api/v1/orders/figures")
    Map<String, Object> figures(
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            @RequestParam(required = false) String per) {
        TimeWindow window = TimeWindow.parse(from, to, per);
        return window.answer(countOrders.in(window.from(), window.to(), window.perHour()).stream()
                .map(OrderFiguresController::json)
                .toList());
    }

    private static Map<String, Object> json(OrderFigure figure) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("hour", figure.hour() == null ? null : figure.hour().toString());
        json.put("channel", figure.channel());
        json.put("currency", figure.currency());
        json.put("orders", figure.orders());
        json.put("amount", figure.amount());
        return json;
    }
}
