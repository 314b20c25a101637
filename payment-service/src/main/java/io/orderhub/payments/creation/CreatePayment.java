package io.orderhub.payments.creation;

import io.orderhub.money.Money;
import io.orderhub.payments.order.OrderView;
import io.orderhub.payments.order.Orders;
import io.orderhub.payments.payment.Caller;
import io.orderhub.payments.payment.InvalidRequest;
import io.orderhub.payments.payment.OrderNotYetSeen;
import io.orderhub.payments.payment.Payment;
import io.orderhub.payments.payment.PaymentSettings;
import io.orderhub.payments.payment.RequestKey;
import io.orderhub.payments.provider.Created;
import io.orderhub.payments.provider.PaymentProvider;
import io.orderhub.payments.provider.ProviderFailure;
import io.orderhub.payments.provider.Providers;
import java.util.UUID;
import org.springframework.stereotype.Service;

/**
 * Creates a payment. Deliberately not {@code @Transactional}: a provider call never runs inside a database
 * transaction. Transaction 1 stores the payment as pending (unpublished), the provider is called with the hub's
 * payment id as its idempotency key, transaction 2 stores the reference and next action and publishes the
 * payment. A provider failure leaves the unpublished payment behind: a retry re-drives the same call, and the
 * repair job settles it if nobody does.
 */
@Service
public class CreatePayment {

    private final Orders orders;
    private final Providers providers;
    private final CreationSteps steps;
    private final PaymentSettings settings;

    CreatePayment(Orders orders, Providers providers, CreationSteps steps, PaymentSettings settings) {
        this.orders = orders;
        this.providers = providers;
        this.steps = steps;
        this.settings = settings;
    }

    /**
     * Waits, outside any transaction, up to {@code orderWait} for an order whose event is still on its way; an
     * order still unknown is {@link OrderNotYetSeen}. Call before a {@link #create} that runs inside a transaction
     * (a recorded payment, whose answer commits with it): there {@code create} does not wait.
     */
    public void awaitOrder(UUID orderId) {
        order(orderId);
    }

    public CreationResult create(PaymentRequest request, Caller caller, String idempotencyKey) {
        OrderView order = order(request.orderId());
        if (!caller.canSee(order.source())) {
            throw new InvalidRequest("order_id", "no such order");
        }
        if (request.currency() != null && !request.currency().equals(order.currency())) {
            throw new InvalidRequest("currency", "must be the order's currency, " + order.currency());
        }
        if (request.amount() != null && Money.problemWith(request.amount(), order.currency()) != null) {
            throw new InvalidRequest("amount", Money.problemWith(request.amount(), order.currency()));
        }
        if (request.recorded()) {
            return steps.record(request, order.id(), caller);
        }
        Money open = steps.open(order);
        if (order.cancelled()) {
            throw new InvalidRequest("order_id", "the order is cancelled");
        }
        PaymentProvider provider = providers
                .called(request.provider())
                .filter(p -> !Providers.MANUAL.equals(p.name()))
                .orElseThrow(() -> new InvalidRequest(
                        "provider",
                        "the hub creates payments through stripe or btcpay; send a status to record a payment made"
                                + " elsewhere"));
        Money amount = amount(request, order, open);
        RequestKey requestKey =
                idempotencyKey == null ? null : new RequestKey(caller.id(), idempotencyKey, request.digest());
        Payment reserved = steps.reserve(request, order, amount, requestKey);
        if (reserved.published()) {
            return new CreationResult(reserved, true);
        }
        Created created;
        try {
            created = provider.create(reserved);
        } catch (ProviderFailure failure) {
            if (failure.kind() == ProviderFailure.Kind.REFUSED) {
                steps.refuse(reserved, failure.getMessage(), caller.name());
            }
            throw failure;
        }
        return new CreationResult(steps.complete(reserved, created, caller.name()), true);
    }

    /**
     * What is open unless the request names less; a card-present payment is always for what is open, so an
     * amount it names must be exactly that (a till never decides the price).
     */
    private static Money amount(PaymentRequest request, OrderView order, Money open) {
        if (request.amount() == null) {
            if (!open.isPositive()) {
                throw new InvalidRequest("amount", "nothing is open on this order");
            }
            return open;
        }
        Money asked = Money.of(request.amount(), order.currency());
        if (request.cardPresent() && asked.compareTo(open) != 0) {
            throw new InvalidRequest(
                    "amount",
                    "must be what is open on the order (" + open + ") or left out: a terminal payment collects"
                            + " the open amount");
        }
        return CreationSteps.notAboveOpen(asked, open);
    }

    private OrderView order(UUID orderId) {
        return orders.await(orderId, settings.orderWait()).orElseThrow(() -> new OrderNotYetSeen(orderId));
    }
}
