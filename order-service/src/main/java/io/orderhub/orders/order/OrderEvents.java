package io.orderhub.orders.order;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.orderhub.events.AccountSnapshot;
import io.orderhub.events.AddressSnapshot;
import io.orderhub.events.BusinessCustomerSnapshot;
import io.orderhub.events.CustomerSnapshot;
import io.orderhub.events.OrderEvent;
import io.orderhub.events.OrderEventType;
import io.orderhub.events.OrderItemSnapshot;
import io.orderhub.events.OrderSnapshot;
import io.orderhub.events.PaymentSummary;
import io.orderhub.events.PaymentTermsSnapshot;
import io.orderhub.messaging.id.Ids;
import io.orderhub.messaging.outbox.Outbox;
import io.orderhub.money.Money;
import io.orderhub.orders.contract.BusinessCustomer;
import io.orderhub.orders.contract.ContractTerms;
import io.orderhub.orders.contract.FindContracts;
import io.orderhub.orders.contract.PaymentTerms;
import io.orderhub.schemas.EventMoney;
import io.orderhub.schemas.EventTopic;
import java.math.BigDecimal;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.stereotype.Component;

/**
 * Turns each order change into its {@code OrderEvent} (the full snapshot after the change, the new
 * version, the actor and the causing payment) and appends it to the outbox in the change's transaction.
 */
@Component
class OrderEvents {

    static final String AGGREGATE_TYPE = "order";

    private static final Logger log = LoggerFactory.getLogger(OrderEvents.class);

    private final Outbox outbox;
    private final MeterRegistry meters;
    private final FindContracts contracts;

    OrderEvents(Outbox outbox, MeterRegistry meters, FindContracts contracts) {
        this.outbox = outbox;
        this.meters = meters;
        this.contracts = contracts;
    }

    /**
     * Appends one event per change; each change is logged once at INFO (ids, version, status, actor: never
     * customer data) with {@code order_id} in the MDC, and counted as {@code orderhub.orders.changes{type,
     * status}}.
     */
    void publish(Order order) {
        AccountSnapshot account = null;
        for (OrderChange change : order.changes()) {
            OnAccount onAccount = change.state().onAccount();
            if (account == null && onAccount != null) {
                account = account(contracts.termsAt(onAccount.contract(), onAccount.contractVersion()));
            }
            OrderEvent event = event(change, account);
            outbox.append(
                    EventTopic.ORDER_EVENTS, AGGREGATE_TYPE, change.state().id().value(), event);
            record(event);
        }
    }

    private void record(OrderEvent event) {
        String type = event.getType().name().toLowerCase(Locale.ROOT);
        String status = event.getOrder().getStatus().name().toLowerCase(Locale.ROOT);
        try (MDC.MDCCloseable orderId =
                MDC.putCloseable("order_id", event.getOrderId().toString())) {
            log.info(
                    "Order {} {}: version {}, status {}, by {}{}",
                    event.getOrderId(),
                    type,
                    event.getVersion(),
                    status,
                    event.getActor(),
                    event.getCausingPayment() == null
                            ? ""
                            : ", payment " + event.getCausingPayment().getPaymentId());
        }
        Counter.builder("orderhub.orders.changes")
                .description("Order changes published, by event type and the order's status after it")
                .tag("type", type)
                .tag("status", status)
                .register(meters)
                .increment();
    }

    /** The event of a change; {@code account} is the terms of an order on account, else null. */
    static OrderEvent event(OrderChange change, AccountSnapshot account) {
        OrderState state = change.state();
        OrderEvent.Builder event = OrderEvent.newBuilder()
                .setEventId(Ids.next())
                .setOccurredAt(state.updatedAt())
                .setOrderId(state.id().value())
                .setVersion(state.version())
                .setActor(change.actor())
                .setOrder(snapshot(state, account));
        if (change instanceof OrderStatusChanged moved) {
            event.setType(OrderEventType.STATUS_CHANGED)
                    .setPreviousStatus(status(moved.from()))
                    .setReason(moved.reason())
                    .setCausingPayment(moved.causingPayment() == null ? null : summary(moved.causingPayment()));
        } else if (change instanceof OrderPaymentUpdated updated) {
            event.setType(OrderEventType.PAYMENT_UPDATED).setCausingPayment(summary(updated.causingPayment()));
        } else if (change instanceof OrderPlaced placed) {
            event.setType(OrderEventType.CREATED).setReason(placed.reason());
        } else if (change instanceof OrderImported) {
            event.setType(OrderEventType.CREATED).setImported(true).setReason(ImportOrder.REASON);
        }
        return event.build();
    }

    private static OrderSnapshot snapshot(OrderState s, AccountSnapshot account) {
        return OrderSnapshot.newBuilder()
                .setId(s.id().value())
                .setSource(s.source())
                .setSourceOrderId(s.sourceOrderId())
                .setCustomerId(s.customerId())
                .setStatus(status(s.status()))
                .setCurrency(s.currency().code())
                .setSubtotal(money(s.totals().subtotal()))
                .setTaxTotal(money(s.totals().taxTotal()))
                .setShippingTotal(money(s.totals().shippingTotal()))
                .setDiscountTotal(money(s.totals().discountTotal()))
                .setGrandTotal(money(s.totals().grandTotal()))
                .setPaidAmount(money(s.paidAmount()))
                .setRefundedAmount(money(s.refundedAmount()))
                .setCustomer(
                        s.customer() == null
                                ? null
                                : CustomerSnapshot.newBuilder()
                                        .setId(s.customer().id())
                                        .setEmail(s.customer().email())
                                        .setName(s.customer().name())
                                        .setPhone(s.customer().phone())
                                        .build())
                .setItems(s.items().stream()
                        .map(item -> OrderItemSnapshot.newBuilder()
                                .setId(item.id())
                                .setProductId(item.productId())
                                .setSku(item.sku())
                                .setName(item.name())
                                .setQuantity(item.quantity())
                                .setUnitPrice(money(item.unitPrice()))
                                .setPrice(money(item.price()))
                                .setSubtotal(money(item.subtotal()))
                                .setTax(money(item.tax()))
                                .setTaxRate(item.taxRate() == null ? null : EventMoney.of(item.taxRate()))
                                .setMetadataJson(item.metadataJson())
                                .build())
                        .toList())
                .setPayments(s.payments().stream().map(OrderEvents::summary).toList())
                .setMetadataJson(s.metadataJson())
                .setCreatedAt(s.createdAt())
                .setUpdatedAt(s.updatedAt())
                .setContractId(
                        s.onAccount() == null ? null : s.onAccount().contract().value())
                .setContractVersion(s.onAccount() == null ? null : s.onAccount().contractVersion())
                .setPaymentMethod(s.onAccount() == null ? null : s.onAccount().paymentMethod())
                .setAccount(s.onAccount() == null ? null : account)
                .build();
    }

    private static AccountSnapshot account(ContractTerms terms) {
        BusinessCustomer customer = terms.customer();
        PaymentTerms paymentTerms = terms.paymentTerms();
        return AccountSnapshot.newBuilder()
                .setCustomer(BusinessCustomerSnapshot.newBuilder()
                        .setCompany(customer.company())
                        .setVatId(customer.vatId())
                        .setEmail(customer.email())
                        .setAddress(AddressSnapshot.newBuilder()
                                .setLine1(customer.address().line1())
                                .setPostalCode(customer.address().postalCode())
                                .setCity(customer.address().city())
                                .setCountry(customer.address().country())
                                .build())
                        .setBuyerReference(customer.buyerReference())
                        .build())
                .setPaymentTerms(PaymentTermsSnapshot.newBuilder()
                        .setNetDays(paymentTerms.netDays())
                        .setDiscountPercent(
                                paymentTerms.discountPercent() == null
                                        ? null
                                        : EventMoney.of(paymentTerms.discountPercent()))
                        .setDiscountDays(paymentTerms.discountDays())
                        .build())
                .build();
    }

    private static PaymentSummary summary(OrderPayment payment) {
        return PaymentSummary.newBuilder()
                .setPaymentId(payment.paymentId())
                .setProvider(payment.provider())
                .setStatus(io.orderhub.events.PaymentStatus.valueOf(
                        payment.status().name()))
                .setAmount(EventMoney.of(payment.amount()))
                .setRefundedAmount(EventMoney.of(payment.refundedAmount()))
                .setVersion(payment.version())
                .build();
    }

    private static io.orderhub.events.OrderStatus status(OrderStatus status) {
        return io.orderhub.events.OrderStatus.valueOf(status.name());
    }

    private static BigDecimal money(Money money) {
        return money == null ? null : EventMoney.of(money.amount());
    }
}
