package io.orderhub.console.order.web;

import io.orderhub.console.PathIds;
import io.orderhub.console.hub.HubClient;
import io.orderhub.console.hub.Views.Order;
import io.orderhub.console.hub.Views.Payment;
import jakarta.servlet.http.HttpServletResponse;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
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
 * The order search and an order's timeline. {@code q} is a hub id, a shop's order number or a customer's
 * email (anything with an {@code @}); the status, channel and date filters ({@code from} and {@code to},
 * whole days in UTC, both inclusive) are the order API's own. A search with exactly one hit opens that order.
 */
@Controller
class OrderPages {

    static final List<String> STATUSES =
            List.of("pending", "confirmed", "paid", "processing", "shipped", "delivered", "cancelled", "refunded");

    /** What a channel's order number may look like here; anything else cannot name an order. */
    private static final Pattern ORDER_NUMBER = Pattern.compile("[\\p{Alnum}._#:-]{1,100}");

    private final HubClient hub;

    OrderPages(HubClient hub) {
        this.hub = hub;
    }

    @GetMapping({"/admin", "/admin/"})
    String home() {
        return "redirect:/admin/overview";
    }

    @GetMapping("/admin/orders")
    ModelAndView search(
            @RequestParam(required = false) @Nullable String q,
            @RequestParam(required = false) @Nullable String status,
            @RequestParam(required = false) @Nullable String channel,
            @RequestParam(required = false) @Nullable String from,
            @RequestParam(required = false) @Nullable String to,
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
        page.addObject("from", from == null ? "" : from.strip());
        page.addObject("to", to == null ? "" : to.strip());
        page.addObject("statuses", STATUSES);
        page.addObject("orders", List.of());
        if (statusFilter != null && !STATUSES.contains(statusFilter)) {
            return refused(page, "Unknown status: choose one from the list");
        }
        LocalDate fromDay;
        LocalDate toDay;
        try {
            fromDay = day(from);
            toDay = day(to);
        } catch (DateTimeParseException e) {
            return refused(page, "Dates are written 2026-12-31");
        }
        if (fromDay != null && toDay != null && toDay.isBefore(fromDay)) {
            return refused(page, "The range ends before it starts");
        }
        boolean byEmail = query != null && query.contains("@");
        if (query == null || byEmail) {
            var found = hub.orders(
                    new HubClient.OrderFilter(channelFilter, statusFilter, byEmail ? query : null, fromDay, toDay),
                    blankToNull(cursor));
            if (byEmail && blankToNull(cursor) == null && found.items().size() == 1 && found.nextCursor() == null) {
                return opened(found.items().get(0).id(), htmx != null, response);
            }
            page.addObject("orders", found.items());
            page.addObject("nextCursor", found.nextCursor());
            return page;
        }
        List<Order> hits = find(query).stream()
                .filter(order -> statusFilter == null || order.status().equals(statusFilter))
                .filter(order -> channelFilter == null || order.source().equals(channelFilter))
                .filter(order -> within(order, fromDay, toDay))
                .toList();
        if (hits.size() == 1) {
            return opened(hits.get(0).id(), htmx != null, response);
        }
        page.addObject("orders", hits);
        return page;
    }

    private static ModelAndView refused(ModelAndView page, String problem) {
        page.setStatus(HttpStatus.BAD_REQUEST);
        page.addObject("problem", problem);
        return page;
    }

    private static @Nullable LocalDate day(@Nullable String text) {
        return text == null || text.isBlank() ? null : LocalDate.parse(text.strip());
    }

    private static boolean within(Order order, @Nullable LocalDate from, @Nullable LocalDate to) {
        if (order.createdAt() == null) {
            return from == null && to == null;
        }
        LocalDate created = LocalDate.ofInstant(order.createdAt(), ZoneOffset.UTC);
        return (from == null || !created.isBefore(from)) && (to == null || !created.isAfter(to));
    }

    private List<Order> find(String query) {
        if (PathIds.isId(query)) {
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
        UUID orderId = PathIds.parse(id, "order");
        Order order = hub.order(orderId)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No such order"));
        List<Payment> payments = hub.payments(orderId);
        List<Timeline.PaymentStory> stories = payments.stream()
                .map(payment -> new Timeline.PaymentStory(
                        payment, hub.paymentHistory(payment.id()), hub.providerEvents(payment.id())))
                .toList();
        var deliveries = hub.deliveries(orderId, null, null, null).items();
        model.addAttribute("order", order);
        model.addAttribute("payments", payments);
        model.addAttribute("deliveries", deliveries);
        model.addAttribute("invoices", hub.invoices(orderId, null, null).items());
        model.addAttribute("timeline", Timeline.of(hub.orderHistory(orderId), stories, deliveries));
        return "order";
    }

    private static @Nullable String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
