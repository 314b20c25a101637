package io.orderhub.console.order.web;

import io.orderhub.console.hub.HubClient;
import io.orderhub.console.hub.Views.Change;
import io.orderhub.console.hub.Views.Order;
import io.orderhub.console.hub.Views.Payment;
import jakarta.servlet.http.HttpServletResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.ModelAndView;

/**
 * The order search and an order's timeline. {@code q} is a hub id or a shop's order number; the status and
 * channel filters are the order API's own. A search with exactly one hit opens that order.
 */
@Controller
class OrderPages {

    static final List<String> STATUSES =
            List.of("pending", "confirmed", "paid", "processing", "shipped", "delivered", "cancelled", "refunded");

    /** What a channel's order number may look like here; anything else cannot name an order. */
    private static final Pattern ORDER_NUMBER = Pattern.compile("[\\p{Alnum}._#:-]{1,100}");

    private static final Pattern UUID_TEXT =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private final HubClient hub;

    OrderPages(HubClient hub) {
        this.hub = hub;
    }

    @GetMapping({"/admin", "/admin/"})
    String home() {
        return "redirect:/admin/orders";
    }

    @GetMapping("/admin/orders")
    ModelAndView search(
            @RequestParam(required = false) @Nullable String q,
            @RequestParam(required = false) @Nullable String status,
            @RequestParam(required = false) @Nullable String channel,
            @RequestParam(required = false) @Nullable String cursor,
            @RequestHeader(name = "HX-Request", required = false) @Nullable String htmx,
            HttpServletResponse response) {
        String query = blankToNull(q);
        String statusFilter = blankToNull(status);
        String channelFilter = blankToNull(channel);
        ModelAndView page = new ModelAndView("orders");
        page.addObject("q", query == null ? "" : query);
        page.addObject("status", statusFilter == null ? "" : statusFilter);
        page.addObject("channel", channelFilter == null ? "" : channelFilter);
        page.addObject("statuses", STATUSES);
        if (statusFilter != null && !STATUSES.contains(statusFilter)) {
            page.setStatus(HttpStatus.BAD_REQUEST);
            page.addObject("problem", "Unknown status: choose one from the list");
            page.addObject("orders", List.of());
            return page;
        }
        if (query == null) {
            var found = hub.orders(channelFilter, statusFilter, blankToNull(cursor));
            page.addObject("orders", found.items());
            page.addObject("nextCursor", found.nextCursor());
            return page;
        }
        List<Order> hits = find(query).stream()
                .filter(order -> statusFilter == null || order.status().equals(statusFilter))
                .filter(order -> channelFilter == null || order.source().equals(channelFilter))
                .toList();
        if (hits.size() == 1) {
            return opened(hits.get(0).id(), htmx != null, response);
        }
        page.addObject("orders", hits);
        return page;
    }

    private List<Order> find(String query) {
        if (UUID_TEXT.matcher(query).matches()) {
            Optional<Order> byId = hub.order(UUID.fromString(query));
            if (byId.isPresent()) {
                return List.of(byId.get());
            }
        }
        return ORDER_NUMBER.matcher(query).matches() ? hub.ordersBySourceNumber(query) : List.of();
    }

    /** htmx follows a redirect inside its request; HX-Redirect makes it open the order as a page. */
    private static ModelAndView opened(UUID id, boolean htmx, HttpServletResponse response) {
        if (htmx) {
            response.setHeader("HX-Redirect", "/admin/orders/" + id);
            return new ModelAndView("empty");
        }
        return new ModelAndView("redirect:/admin/orders/" + id);
    }

    @GetMapping("/admin/orders/{id}")
    String timeline(@PathVariable String id, Model model) {
        UUID orderId = parse(id);
        Order order = hub.order(orderId)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No such order"));
        List<Payment> payments = hub.payments(orderId);
        Map<UUID, List<Change>> paymentHistories = new LinkedHashMap<>();
        payments.forEach(payment -> paymentHistories.put(payment.id(), hub.paymentHistory(payment.id())));
        var deliveries = hub.deliveries(orderId, null, null, null).items();
        model.addAttribute("order", order);
        model.addAttribute("payments", payments);
        model.addAttribute("deliveries", deliveries);
        model.addAttribute("timeline", Timeline.of(hub.orderHistory(orderId), payments, paymentHistories, deliveries));
        return "order";
    }

    private static UUID parse(String id) {
        if (!UUID_TEXT.matcher(id).matches()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "No such order");
        }
        return UUID.fromString(id);
    }

    private static @Nullable String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
