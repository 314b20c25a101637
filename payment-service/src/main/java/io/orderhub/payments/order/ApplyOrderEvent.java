package io.orderhub.payments.order;

import io.orderhub.events.AccountSnapshot;
import io.orderhub.events.AddressSnapshot;
import io.orderhub.events.BusinessCustomerSnapshot;
import io.orderhub.events.OrderEvent;
import io.orderhub.events.OrderSnapshot;
import io.orderhub.events.OrderStatus;
import io.orderhub.events.PaymentTermsSnapshot;
import io.orderhub.messaging.inbox.Inbox;
import io.orderhub.schemas.EventTopic;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps the order read model: each event once (inbox), never an older version over a newer one. When an order
 * becomes cancelled, {@link OrderCancelled} is published inside the same transaction, so the payments it
 * concerns are marked for cancellation exactly when the read model says so; when an order on account becomes
 * confirmed, {@link OrderConfirmedOnAccount} likewise, so its invoice is issued exactly once with the read model.
 */
@Service
public class ApplyOrderEvent {

    private final OrderViewRepository repository;
    private final Inbox inbox;
    private final ApplicationEventPublisher events;

    ApplyOrderEvent(OrderViewRepository repository, Inbox inbox, ApplicationEventPublisher events) {
        this.repository = repository;
        this.inbox = inbox;
        this.events = events;
    }

    @Transactional
    public void apply(OrderEvent event) {
        if (!inbox.firstDelivery(event.getEventId(), EventTopic.ORDER_EVENTS.topicName())) {
            return;
        }
        OrderSnapshot order = event.getOrder();
        String status = order.getStatus().name();
        OnAccount onAccount = onAccount(order);
        repository
                .upsertIfNewer(
                        order.getId(),
                        order.getSource(),
                        order.getCurrency(),
                        order.getGrandTotal(),
                        order.getPaidAmount(),
                        status,
                        event.getVersion(),
                        onAccount)
                // An imported order ended in the old hub: its payments and invoices as they were there.
                .filter(before -> !event.getImported())
                .filter(before -> !before.equals(status))
                .ifPresent(before -> {
                    if (order.getStatus() == OrderStatus.CANCELLED) {
                        events.publishEvent(new OrderCancelled(order.getId()));
                    } else if (order.getStatus() == OrderStatus.CONFIRMED && onAccount != null) {
                        events.publishEvent(new OrderConfirmedOnAccount(order.getId()));
                    }
                });
    }

    private static OnAccount onAccount(OrderSnapshot order) {
        AccountSnapshot account = order.getAccount();
        if (account == null || order.getContractId() == null) {
            return null;
        }
        BusinessCustomerSnapshot customer = account.getCustomer();
        AddressSnapshot address = customer.getAddress();
        PaymentTermsSnapshot terms = account.getPaymentTerms();
        return new OnAccount(
                order.getContractId(),
                new OnAccount.Buyer(
                        customer.getCompany(),
                        customer.getVatId(),
                        customer.getEmail(),
                        new OnAccount.Address(
                                address.getLine1(), address.getPostalCode(), address.getCity(), address.getCountry()),
                        customer.getBuyerReference()),
                new OnAccount.PaymentTerms(
                        terms.getNetDays(),
                        terms.getDiscountPercent() == null
                                ? null
                                : terms.getDiscountPercent().stripTrailingZeros(),
                        terms.getDiscountDays()),
                order.getItems().stream()
                        .map(item -> new OnAccount.Line(
                                item.getName(),
                                item.getSku(),
                                item.getQuantity(),
                                item.getUnitPrice(),
                                item.getSubtotal() != null ? item.getSubtotal() : item.getPrice(),
                                item.getTaxRate(),
                                item.getTax()))
                        .toList(),
                order.getSubtotal(),
                order.getTaxTotal(),
                order.getShippingTotal(),
                order.getDiscountTotal());
    }
}
