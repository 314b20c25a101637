package io.orderhub.payments.provider;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * BTCPay's refunds, which are pull payments: the store's pull payments ({@code GET
 * /api/v1/stores/{storeId}/pull-payments?includeArchived=true}) and its payouts ({@code GET
 * /api/v1/stores/{storeId}/payouts?includeCancelled=false}), two calls however many refunds there are (Greenfield
 * pages neither). A pull payment is a refund of an invoice when its name says so: the hub's own are named {@code
 * Order Hub refund <refund id>} and described {@code Order Hub refund <refund id> of payment <payment id>}; an
 * invoice refunded in BTCPay's UI (or through Greenfield without a name) gets {@code Refund <invoice id>}. Any other
 * pull payment is not a refund and is left out. A refund counts what its {@code Completed} payouts paid, in the
 * pull payment's currency ({@code originalAmount}/{@code originalCurrency} since BTCPay 2.0, {@code amount} in the
 * pull payment's currency before).
 */
final class BtcpayRefunds {

    private static final String UUID_TEXT =
            "([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})";
    private static final Pattern HUB_NAME = Pattern.compile("Order Hub refund " + UUID_TEXT);
    private static final Pattern HUB_DESCRIPTION =
            Pattern.compile("Order Hub refund " + UUID_TEXT + " of payment " + UUID_TEXT);
    private static final Pattern UI_NAME = Pattern.compile("Refund (\\S+)");

    private final Map<String, List<ProviderRefund>> byInvoice = new HashMap<>();
    private final Map<String, List<ProviderRefund>> byHubPayment = new HashMap<>();

    private BtcpayRefunds() {}

    /** The pull payment's name for the hub's refund. */
    static String name(UUID refundId) {
        return "Order Hub refund " + refundId;
    }

    /** The pull payment's description for the hub's refund: names the payment, so its invoice can be found. */
    static String description(UUID refundId, UUID paymentId) {
        return name(refundId) + " of payment " + paymentId;
    }

    /**
     * Whose refund a pull payment is: an invoice's ({@code invoiceId}, made in BTCPay's UI) or a hub payment's
     * ({@code hubPaymentId} and {@code hubRefundId}); empty for a pull payment that is no refund it can place.
     */
    record Owner(String invoiceId, String hubPaymentId, String hubRefundId) {}

    static Optional<Owner> owner(String name, String description) {
        String n = name == null ? "" : name.trim();
        String d = description == null ? "" : description.trim();
        Matcher hub = HUB_DESCRIPTION.matcher(d);
        if (hub.matches()) {
            Matcher named = HUB_NAME.matcher(n);
            if (named.matches() && !named.group(1).equalsIgnoreCase(hub.group(1))) {
                return Optional.empty();
            }
            return Optional.of(new Owner(
                    null, hub.group(2).toLowerCase(Locale.ROOT), hub.group(1).toLowerCase(Locale.ROOT)));
        }
        Matcher ui = UI_NAME.matcher(n);
        if (ui.matches()) {
            return Optional.of(new Owner(ui.group(1), null, null));
        }
        return Optional.empty();
    }

    /** Reads the store's pull payments and payouts, each call waiting out a 429. */
    static BtcpayRefunds read(BtcpayProvider btcpay, RateLimitRetry retry) {
        JsonNode pullPayments =
                list(retry.call(() -> btcpay.send("GET", btcpay.store("/pull-payments?includeArchived=true"), null)));
        JsonNode payouts =
                list(retry.call(() -> btcpay.send("GET", btcpay.store("/payouts?includeCancelled=false"), null)));
        return of(pullPayments, payouts);
    }

    static BtcpayRefunds of(JsonNode pullPayments, JsonNode payouts) {
        Map<String, List<JsonNode>> payoutsOf = new HashMap<>();
        for (JsonNode payout : payouts) {
            if ("Completed".equals(payout.path("state").asString(""))) {
                payoutsOf
                        .computeIfAbsent(payout.path("pullPaymentId").asString(""), id -> new ArrayList<>())
                        .add(payout);
            }
        }
        BtcpayRefunds refunds = new BtcpayRefunds();
        for (JsonNode pullPayment : pullPayments) {
            Optional<Owner> owner = owner(
                    pullPayment.path("name").asString(""),
                    pullPayment.path("description").asString(""));
            if (owner.isEmpty()) {
                continue;
            }
            String id = pullPayment.path("id").asString("");
            String currency = pullPayment.path("currency").asString("").toUpperCase(Locale.ROOT);
            BigDecimal paid = BigDecimal.ZERO;
            for (JsonNode payout : payoutsOf.getOrDefault(id, List.of())) {
                String payoutCurrency =
                        payout.path("originalCurrency").asString(currency).toUpperCase(Locale.ROOT);
                if (!payoutCurrency.equals(currency)) {
                    continue;
                }
                paid = paid.add(
                        amount(payout.has("originalAmount") ? payout.path("originalAmount") : payout.path("amount")));
            }
            ProviderRefund refund = new ProviderRefund(id, owner.get().hubRefundId(), paid, currency);
            if (owner.get().invoiceId() != null) {
                refunds.byInvoice
                        .computeIfAbsent(owner.get().invoiceId(), k -> new ArrayList<>())
                        .add(refund);
            } else {
                refunds.byHubPayment
                        .computeIfAbsent(owner.get().hubPaymentId(), k -> new ArrayList<>())
                        .add(refund);
            }
        }
        return refunds;
    }

    /** The refunds of an invoice: made in BTCPay's UI for it, or by the hub for the payment it carries. */
    List<ProviderRefund> of(String invoiceId, String hubPaymentId) {
        List<ProviderRefund> found = new ArrayList<>(byInvoice.getOrDefault(invoiceId, List.of()));
        if (hubPaymentId != null) {
            found.addAll(byHubPayment.getOrDefault(hubPaymentId.toLowerCase(Locale.ROOT), List.of()));
        }
        return found;
    }

    private static BigDecimal amount(JsonNode value) {
        try {
            return new BigDecimal(value.asString(""));
        } catch (NumberFormatException e) {
            throw new ProviderFailure(
                    ProviderFailure.Kind.UNAVAILABLE, "BTCPay's payout list holds an amount that is not a number");
        }
    }

    private static JsonNode list(JsonNode page) {
        if (!page.isArray()) {
            throw new ProviderFailure(ProviderFailure.Kind.UNAVAILABLE, "BTCPay's pull payment list is not a list");
        }
        return page;
    }
}
