package io.orderhub.importer;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Turns the old hub's rows into the import's plan, repairing its known defects (issue 17) and counting each:
 * history rows written twice (trigger and service), the missing creation row, tax rates stored as percentages,
 * totals recomputed from the items, NaN totals recovered from the shop or marked for review, payments that
 * succeeded while their order stayed pending, the source {@code woo}. Nothing is invented: what cannot be known
 * is marked for review.
 */
final class Repairs {

    static final String IMPORT_ACTOR = "import";
    private static final String TRIGGER = "trigger";
    private static final Set<String> RECEIVED = Set.of("succeeded", "partially_refunded", "refunded");
    private static final Set<String> HUB_PROVIDERS = Set.of("stripe", "btcpay");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Optional<WooCommerceShop> shop;

    Repairs(Optional<WooCommerceShop> shop) {
        this.shop = shop;
    }

    Plan plan(Legacy.Data data) throws InterruptedException {
        Plan plan = new Plan();
        for (Legacy.Order order : data.orders()) {
            plan.orders.add(order(plan, order));
        }
        keys(plan, data.apiKeys());
        for (Legacy.ChannelConfig config : data.channelConfigs()) {
            plan.operatorNotes.add("channel " + config.channel() + ": use_payment_hub=" + config.usePaymentHub()
                    + ", shadow_mode=" + config.shadowMode() + ", callback_enabled=" + config.callbackEnabled()
                    + (config.callbackEnabled()
                            ? " -> set " + config.channel().toUpperCase(java.util.Locale.ROOT)
                                    + "_CALLBACK_URL and _CALLBACK_SECRET (nothing to import: the hub has no such switches)"
                            : " -> leave " + config.channel().toUpperCase(java.util.Locale.ROOT)
                                    + "_CALLBACK_URL unset (its callbacks are recorded as skipped)"));
        }
        if (data.paymentProviders() > 0) {
            plan.operatorNotes.add(data.paymentProviders() + " payment provider configuration(s) not imported: their"
                    + " credentials are encrypted with the old hub's key; set STRIPE_API_KEY, STRIPE_WEBHOOK_SECRET,"
                    + " BTCPAY_URL, BTCPAY_API_KEY, BTCPAY_STORE_ID, BTCPAY_WEBHOOK_SECRET (docs/switch-over.md)");
        }
        if (data.idempotencyKeys() > 0) {
            plan.operatorNotes.add(data.idempotencyKeys() + " idempotency key(s) not imported: a replay after the"
                    + " switch finds the imported order by (source, source_order_id) instead");
        }
        return plan;
    }

    private Plan.PlannedOrder order(Plan plan, Legacy.Order order) throws InterruptedException {
        UUID id = order.id();
        String currency = order.currency();
        int digits = digits(currency);
        String source = order.source();
        if ("woo".equals(source)) {
            source = "woocommerce";
            plan.anomaly("source_normalised", id, "source woo -> woocommerce");
        }

        List<Plan.PlannedPayment> payments = new ArrayList<>();
        BigDecimal paid = BigDecimal.ZERO;
        BigDecimal refunded = BigDecimal.ZERO;
        for (Legacy.Payment payment : order.payments()) {
            Plan.PlannedPayment planned = payment(plan, payment, id, source);
            payments.add(planned);
            if (planned.currency().equals(currency)) {
                if (RECEIVED.contains(planned.status())) {
                    paid = paid.add(planned.amount());
                }
                refunded = refunded.add((BigDecimal) planned.body().get("refunded_amount"));
            }
        }

        List<Map<String, Object>> items = new ArrayList<>();
        BigDecimal subtotal;
        BigDecimal tax;
        BigDecimal shipping = scale(order.shippingTotal(), digits);
        BigDecimal discount = scale(order.discountTotal(), digits);
        BigDecimal grand;
        String review = null;
        Optional<WooCommerceShop.ShopOrder> recovered =
                order.totalsLost() ? recover(plan, order, source) : Optional.empty();
        if (recovered.isPresent()) {
            WooCommerceShop.ShopOrder shopOrder = recovered.get();
            subtotal = BigDecimal.ZERO;
            for (WooCommerceShop.ShopItem item : shopOrder.items()) {
                Map<String, Object> line = new LinkedHashMap<>();
                line.put("product_id", item.productId());
                line.put("sku", item.sku());
                line.put("name", item.name());
                line.put("quantity", item.quantity());
                line.put("price", scale(item.total(), digits));
                line.put("tax", scale(item.tax(), digits));
                items.add(line);
                subtotal = subtotal.add(scale(item.total(), digits));
            }
            tax = scale(shopOrder.taxTotal(), digits);
            shipping = scale(shopOrder.shippingTotal(), digits);
            discount = scale(shopOrder.discountTotal(), digits);
            grand = scale(shopOrder.total(), digits);
            plan.anomaly(
                    "nan_totals_recovered_from_shop",
                    id,
                    "totals NaN in the old hub; WooCommerce order " + order.sourceOrderId() + " says grand total "
                            + grand + " " + currency);
        } else {
            subtotal = BigDecimal.ZERO;
            tax = BigDecimal.ZERO;
            for (Legacy.Item item : order.items()) {
                BigDecimal rate = item.taxRate() == null ? BigDecimal.ZERO : item.taxRate();
                if (rate.compareTo(BigDecimal.ONE) >= 0) {
                    BigDecimal fraction = rate.movePointLeft(2).stripTrailingZeros();
                    plan.anomaly(
                            "tax_rate_percentage",
                            id,
                            "item " + item.name() + ": tax_rate " + rate.toPlainString() + " -> "
                                    + fraction.toPlainString());
                    rate = fraction;
                }
                BigDecimal line = scale(item.totalPrice(), digits);
                BigDecimal lineTax = line.multiply(rate).setScale(digits, RoundingMode.HALF_UP);
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("product_id", productId(item.metadataJson()));
                row.put("sku", item.sku());
                row.put("name", item.name());
                row.put("quantity", item.quantity());
                row.put("unit_price", scale(item.unitPrice(), digits));
                row.put("price", line);
                row.put("tax", order.totalsLost() ? null : lineTax);
                row.put("tax_rate", rate.signum() == 0 ? null : rate.stripTrailingZeros());
                row.put("metadata", object(item.metadataJson()));
                items.add(row);
                subtotal = subtotal.add(line);
                tax = tax.add(lineTax);
            }
            if (order.totalsLost()) {
                // Items at 0.00 and NaN totals: what the order was is unknown; shipping and money received are known.
                subtotal = BigDecimal.ZERO;
                tax = BigDecimal.ZERO;
                grand = shipping.max(paid);
                review = "the old hub stored this order's totals as NaN and the shop could not be asked: items,"
                        + " subtotal and tax are unknown; the grand total is the larger of shipping and the money"
                        + " received (" + paid.toPlainString() + " " + currency + ")";
                plan.anomaly("nan_totals_marked_for_review", id, review);
            } else {
                grand = subtotal.add(tax).add(shipping).subtract(discount);
                BigDecimal legacyTax = scale(order.taxTotal(), digits);
                if (tax.compareTo(legacyTax) != 0) {
                    plan.anomaly(
                            "tax_total_recomputed",
                            id,
                            "tax_total " + legacyTax + " -> " + tax + " " + currency + " (difference "
                                    + tax.subtract(legacyTax).toPlainString() + ")");
                }
                BigDecimal legacyGrand = scale(order.grandTotal(), digits);
                if (grand.compareTo(legacyGrand) != 0) {
                    plan.anomaly(
                            "grand_total_recomputed",
                            id,
                            "grand_total " + legacyGrand + " -> " + grand + " " + currency + " (difference "
                                    + grand.subtract(legacyGrand).toPlainString() + ")");
                }
            }
        }

        String status = order.status();
        List<Map<String, Object>> history =
                history(plan, id, "order", order.history(), "pending", status, order.createdAt());
        if (("pending".equals(status) || "confirmed".equals(status))
                && paid.signum() > 0
                && paid.compareTo(grand) >= 0) {
            Instant at = lastAt(history);
            history.add(row(
                    status,
                    "paid",
                    IMPORT_ACTOR,
                    "payments succeeded while the old hub left the order " + status + ": paid " + paid.toPlainString()
                            + " of " + grand.toPlainString(),
                    at));
            plan.anomaly(
                    "paid_while_pending",
                    id,
                    "status " + status + " -> paid (" + paid.toPlainString() + " " + currency + " received)");
            status = "paid";
        }

        Map<String, Object> body = new LinkedHashMap<>();
        body.put("source", source);
        body.put("source_order_id", order.sourceOrderId());
        if (order.customer() != null) {
            Map<String, Object> customer = new LinkedHashMap<>();
            customer.put("id", order.customer().id());
            customer.put("email", order.customer().email());
            customer.put("name", order.customer().name());
            customer.put("phone", order.customer().phone());
            body.put("customer", customer);
        }
        body.put("currency", currency);
        body.put("status", status);
        body.put("subtotal", subtotal);
        body.put("tax_total", tax);
        body.put("shipping_total", shipping);
        body.put("discount_total", discount);
        body.put("grand_total", grand);
        body.put("paid_amount", scale(paid, digits));
        body.put("refunded_amount", scale(refunded, digits));
        body.put("items", items);
        body.put("history", history);
        body.put("metadata", object(order.metadataJson()));
        body.put("created_at", order.createdAt().toString());
        body.put("review_reason", review);
        return new Plan.PlannedOrder(id, body, currency, order.status(), order.grandTotal(), status, grand, payments);
    }

    private Optional<WooCommerceShop.ShopOrder> recover(Plan plan, Legacy.Order order, String source)
            throws InterruptedException {
        if (shop.isEmpty() || !"woocommerce".equals(source)) {
            return Optional.empty();
        }
        try {
            Optional<WooCommerceShop.ShopOrder> found = shop.get().order(order.sourceOrderId());
            if (found.isPresent() && !found.get().currency().equalsIgnoreCase(order.currency())) {
                plan.operatorNotes.add("order " + order.id() + ": the shop's order " + order.sourceOrderId() + " is in "
                        + found.get().currency() + ", not " + order.currency() + "; not used");
                return Optional.empty();
            }
            if (found.isEmpty()) {
                plan.operatorNotes.add("order " + order.id() + ": the shop has no order " + order.sourceOrderId());
            }
            return found;
        } catch (IOException e) {
            plan.operatorNotes.add("order " + order.id() + ": the shop could not be asked ("
                    + e.getClass().getSimpleName() + ")");
            return Optional.empty();
        }
    }

    private Plan.PlannedPayment payment(Plan plan, Legacy.Payment payment, UUID orderId, String source) {
        int digits = digits(payment.currency());
        BigDecimal amount = scale(payment.amount(), digits);
        BigDecimal refunded = scale(payment.refundedAmount(), digits);
        String status = payment.status();
        String refundedAs = "refunded";
        if ("refunded".equals(status)) {
            if (refunded.signum() == 0) {
                refunded = amount;
                plan.anomaly(
                        "refunded_amount_filled",
                        payment.id(),
                        "refunded payment with refunded_amount 0 ->" + " refunded_amount " + amount.toPlainString());
            } else if (refunded.compareTo(amount) < 0) {
                refundedAs = "partially_refunded";
                status = refundedAs;
            }
        }
        String finalRefund = refundedAs;
        List<Legacy.History> rows = payment.history().stream()
                .map(h -> new Legacy.History(
                        "refunded".equals(h.oldStatus()) ? finalRefund : h.oldStatus(),
                        "refunded".equals(h.newStatus()) ? finalRefund : h.newStatus(),
                        h.changedBy(),
                        h.reason(),
                        h.changedAt()))
                .toList();
        // The status it was created in: where its changes start (no change led to it), else the one it has.
        Set<String> reached = new java.util.HashSet<>();
        rows.forEach(h -> reached.add(h.newStatus()));
        String initial = rows.stream()
                .map(Legacy.History::oldStatus)
                .filter(s -> s != null && !reached.contains(s))
                .findFirst()
                .orElse(status);
        List<Map<String, Object>> history =
                history(plan, payment.id(), "payment", rows, initial, status, payment.createdAt());
        boolean recorded = !HUB_PROVIDERS.contains(payment.provider());
        if (recorded) {
            plan.anomaly(
                    "payment_recorded_only",
                    payment.id(),
                    "provider " + payment.provider() + " is not driven by the hub: imported as recorded");
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("order_id", orderId);
        body.put("source", source);
        body.put("provider", payment.provider());
        body.put("method", "card_present".equals(payment.paymentMethod()) ? "card_present" : null);
        body.put("status", status);
        body.put("amount", amount);
        body.put("currency", payment.currency());
        body.put("refunded_amount", refunded);
        body.put("provider_reference", payment.providerReference());
        body.put("recorded", recorded);
        body.put("return_url", payment.redirectUrl());
        Map<String, Object> metadata = new LinkedHashMap<>();
        JsonNode legacyMetadata = object(payment.metadataJson());
        if (legacyMetadata != null) {
            legacyMetadata.fields().forEachRemaining(e -> metadata.put(e.getKey(), e.getValue()));
        }
        if (payment.paymentMethod() != null) {
            metadata.put("legacy_payment_method", payment.paymentMethod());
        }
        body.put("metadata", metadata);
        body.put("created_at", payment.createdAt().toString());
        body.put("history", history);
        return new Plan.PlannedPayment(
                payment.id(), body, payment.currency(), payment.status(), payment.amount(), status, amount);
    }

    /**
     * The history as a chain from creation to {@code finalStatus}: the trigger's copy of a change the service
     * also logged is dropped, the creation row the old hub never wrote is added, rows follow each other by
     * status (the trigger's rows carry the time of the update, not of the change), and a final row is added when
     * the history stops short of the status the old hub stored.
     */
    private static List<Map<String, Object>> history(
            Plan plan,
            UUID id,
            String what,
            List<Legacy.History> legacy,
            String initial,
            String finalStatus,
            Instant createdAt) {
        List<Legacy.History> rows = new ArrayList<>(legacy);
        List<Legacy.History> services = new ArrayList<>(
                rows.stream().filter(h -> !TRIGGER.equals(h.changedBy())).toList());
        rows.removeIf(h -> {
            if (!TRIGGER.equals(h.changedBy())) {
                return false;
            }
            Optional<Legacy.History> twin = services.stream()
                    .filter(s -> Objects.equals(s.oldStatus(), h.oldStatus())
                            && Objects.equals(s.newStatus(), h.newStatus()))
                    .findFirst();
            twin.ifPresent(services::remove);
            if (twin.isPresent()) {
                plan.anomaly(
                        "history_duplicate_removed",
                        id,
                        what + " " + h.oldStatus() + " -> " + h.newStatus()
                                + " logged by the trigger and by the service");
            }
            return twin.isPresent();
        });
        rows.sort(Comparator.comparing(Legacy.History::changedAt));
        List<Map<String, Object>> chain = new ArrayList<>();
        if (rows.stream().noneMatch(h -> h.oldStatus() == null)) {
            chain.add(row(null, initial, IMPORT_ACTOR, "created in the old hub (row added by the import)", createdAt));
            plan.anomaly("creation_row_added", id, what + " created as " + initial);
        }
        String current = chain.isEmpty() ? null : initial;
        while (!rows.isEmpty()) {
            String from = current;
            Optional<Legacy.History> next = rows.stream()
                    .filter(h -> Objects.equals(h.oldStatus(), from))
                    .findFirst();
            if (next.isEmpty()) {
                break;
            }
            rows.remove(next.get());
            Legacy.History h = next.get();
            chain.add(row(
                    h.oldStatus(),
                    h.newStatus(),
                    h.changedBy() == null ? "old hub" : h.changedBy(),
                    h.reason(),
                    h.changedAt()));
            current = h.newStatus();
        }
        for (Legacy.History left : rows) {
            plan.anomaly(
                    "history_row_unlinked",
                    id,
                    what + " row " + left.oldStatus() + " -> " + left.newStatus() + " at " + left.changedAt()
                            + " follows no status of the chain: not imported");
        }
        if (!Objects.equals(current, finalStatus)) {
            chain.add(row(
                    current,
                    finalStatus,
                    IMPORT_ACTOR,
                    "the old hub's stored status, with no history row",
                    lastAt(chain)));
            plan.anomaly("history_gap_closed", id, what + " " + current + " -> " + finalStatus + " added");
        }
        return chain;
    }

    private static Map<String, Object> row(String from, String to, String by, String reason, Instant at) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("old_status", from);
        row.put("new_status", to);
        row.put("changed_by", by);
        row.put("reason", reason);
        row.put("changed_at", at.toString());
        return row;
    }

    private static Instant lastAt(List<Map<String, Object>> chain) {
        return Instant.parse((String) chain.get(chain.size() - 1).get("changed_at"));
    }

    private static void keys(Plan plan, List<Legacy.ApiKey> keys) {
        Instant now = Instant.now();
        for (Legacy.ApiKey key : keys) {
            String name = key.name().replaceAll("[^A-Za-z0-9._-]", "-");
            if (!key.active() || (key.expiresAt() != null && key.expiresAt().isBefore(now))) {
                plan.anomaly(
                        "api_key_not_carried_over",
                        null,
                        "key " + key.name() + (key.active() ? " expired " + key.expiresAt() : " inactive"));
            } else if (key.channel() == null) {
                plan.anomaly(
                        "api_key_without_channel",
                        null,
                        "key " + key.name()
                                + " has no channel: choose one (woocommerce, pos, b2b, admin) for its entry");
                plan.apiKeys.add("# <channel>:sha256:" + key.keyHash() + ";name=" + name);
            } else {
                plan.apiKeys.add(key.channel() + ":sha256:" + key.keyHash() + ";name=" + name);
            }
        }
    }

    static int digits(String currency) {
        try {
            return Math.max(Currency.getInstance(currency).getDefaultFractionDigits(), 0);
        } catch (IllegalArgumentException e) {
            return 2;
        }
    }

    /**
     * The old hub's numeric(12,2) at the currency's digits (JPY's 100.00 is 100). An amount with more digits
     * than its currency has is passed on as it is, for the hub to refuse and the report to name.
     */
    private static BigDecimal scale(BigDecimal amount, int digits) {
        BigDecimal value = amount == null ? BigDecimal.ZERO : amount;
        try {
            return value.setScale(digits, RoundingMode.UNNECESSARY);
        } catch (ArithmeticException e) {
            return value;
        }
    }

    private static JsonNode object(String json) {
        if (json == null) {
            return null;
        }
        try {
            JsonNode node = JSON.readTree(json);
            return node.isObject() && !node.isEmpty() ? node : null;
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    private static String productId(String metadataJson) {
        JsonNode metadata = object(metadataJson);
        return metadata == null || !metadata.hasNonNull("product_id")
                ? null
                : metadata.get("product_id").asText();
    }
}
