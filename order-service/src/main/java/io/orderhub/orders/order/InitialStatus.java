package io.orderhub.orders.order;

import java.util.Optional;

/**
 * The status a channel sends with a new order, as the hub records it. An order the shop has moved on
 * already (synced late, fulfilled, cancelled) is placed in that status, with a history reason saying
 * so. WooCommerce's own names are read as the shop's plugin maps them ({@code on-hold} → {@code pending},
 * {@code completed} → {@code delivered}, {@code failed} → {@code cancelled}). Money statuses are never
 * taken on a channel's word, since {@code paid_amount} and {@code refunded_amount} would contradict
 * them: {@code refunded} (the shop returned money the hub never saw) is recorded as {@code cancelled}
 * with nothing paid or refunded, and {@code paid} is refused with what to send instead.
 */
record InitialStatus(OrderStatus status, String reason) {

    static final String PAID_REFUSAL = "paid follows from payments and is never taken from a request: create the"
            + " order as pending (or processing, when the shop fulfils it already) and record its payment with"
            + " POST /api/v1/payments; the order becomes paid when its payments cover the grand total";

    /** The recorded status and reason for what the channel sent; empty when the name is unknown. */
    static Optional<InitialStatus> of(String requested) {
        if (requested == null || requested.equals("pending")) {
            return Optional.of(new InitialStatus(OrderStatus.PENDING, null));
        }
        return switch (requested) {
            case "on-hold" ->
                Optional.of(mapped(requested, OrderStatus.PENDING, "on hold in the shop, awaiting payment"));
            case "completed" -> Optional.of(mapped(requested, OrderStatus.DELIVERED, "completed in the shop"));
            case "failed" -> Optional.of(mapped(requested, OrderStatus.CANCELLED, "its payment failed in the shop"));
            case "refunded" ->
                Optional.of(mapped(
                        requested,
                        OrderStatus.CANCELLED,
                        "refunded in the shop, but the hub knows no payment of it: nothing paid or refunded here"));
            default ->
                OrderStatus.fromApiName(requested)
                        .filter(status -> !status.isSetByPayments())
                        .map(status -> new InitialStatus(status, "placed by the channel with status " + requested));
        };
    }

    private static InitialStatus mapped(String requested, OrderStatus status, String why) {
        return new InitialStatus(
                status,
                "placed by the channel with status " + requested + " (" + why + "), recorded as " + status.apiName());
    }

    /** Every name {@link #of} accepts, for messages. */
    static String acceptedNames() {
        return OrderStatus.requestableNames() + ", on-hold, completed, failed, refunded";
    }
}
