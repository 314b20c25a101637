package io.orderhub.orders.contract;

import static io.orderhub.events.PaymentStatus.SUCCEEDED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import io.orderhub.events.InvoiceEvent;
import io.orderhub.events.InvoiceEventType;
import io.orderhub.events.OrderEvent;
import io.orderhub.events.OrderEventType;
import io.orderhub.orders.ContractFixtures;
import io.orderhub.orders.OrderApi;
import io.orderhub.orders.OrderEventsOnTopic;
import io.orderhub.orders.OrderServiceIntegrationTest;
import io.orderhub.orders.OrderSetup;
import io.orderhub.orders.PaymentEvents;
import io.orderhub.orders.TestKeys;
import io.orderhub.schemas.EventTopic;
import io.orderhub.testsupport.TestKafka;
import io.orderhub.testsupport.TopicRecorder;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Credit notes of an order on account's invoice, as payment-service's invoice events report them: they lower what
 * the buyer owes, so a bank transfer less the early-payment discount settles the order whichever topic order-service
 * reads first, and the contract's open receivables leave the credited amount out (docs/b2b.md).
 */
@OrderServiceIntegrationTest
class CreditNotesIT {

    static PaymentEvents payments;
    static TopicRecorder orderEvents;

    @LocalServerPort
    int port;

    @Autowired
    MeterRegistry meters;

    OrderApi admin;
    OrderApi partner;
    OrderSetup setup;

    @BeforeAll
    static void connectKafka() {
        payments = PaymentEvents.connect();
        orderEvents = TopicRecorder.record(TestKafka.bootstrapServers(), EventTopic.ORDER_EVENTS.topicName());
    }

    @AfterAll
    static void disconnectKafka() {
        payments.close();
        orderEvents.close();
    }

    @BeforeEach
    void connect() {
        admin = OrderApi.on(port, TestKeys.ADMIN);
        partner = OrderApi.on(port, TestKeys.B2B);
        setup = new OrderSetup(partner, payments);
    }

    @Test
    void theDiscountsCreditNoteAfterTheTransferMakesTheOrderPaid() {
        UUID id = orderOnAccount("423.64");

        payments.send(transfer(id, "415.17"));
        JsonNode partly = setup.awaitVersion(id, 2);
        payments.send(PaymentEvents.creditNote(id, "423.64", "8.47", "8.47"));
        JsonNode paid = setup.awaitVersion(id, 3);

        assertThat(partly.get("status").asString()).isEqualTo("pending");
        assertThat(partly.get("credited_amount").decimalValue()).isEqualByComparingTo("0");
        assertThat(paid.get("status").asString()).isEqualTo("paid");
        assertThat(paid.get("paid_amount").decimalValue()).isEqualByComparingTo("415.17");
        assertThat(paid.get("credited_amount").toString()).isEqualTo("8.47");
        assertThat(paid.get("overpaid").asBoolean()).isFalse();
        JsonNode history = partner.history(id).data();
        assertThat(history.get(history.size() - 1).get("reason").asString())
                .isEqualTo("payments and credit notes cover the grand total: paid 415.17 EUR and credited 8.47 EUR"
                        + " (GS-2026-000001) of 423.64 EUR");
        List<OrderEvent> events = OrderEventsOnTopic.await(orderEvents, id, 3);
        assertThat(events)
                .map(OrderEvent::getType)
                .containsExactly(OrderEventType.CREATED, OrderEventType.PAYMENT_UPDATED, OrderEventType.STATUS_CHANGED);
        assertThat(events.get(2).getOrder().getStatus()).isEqualTo(io.orderhub.events.OrderStatus.PAID);
    }

    @Test
    void aCreditNoteBeforeTheTransferOnlyLowersWhatIsOwedAndTheTransferSettlesIt() {
        UUID id = orderOnAccount("423.64");

        payments.send(PaymentEvents.creditNote(id, "423.64", "8.47", "8.47"));
        JsonNode credited = await().atMost(Duration.ofSeconds(60))
                .until(
                        () -> partner.get(id).data(),
                        o -> o.get("credited_amount").decimalValue().signum() > 0);
        payments.send(transfer(id, "415.17"));
        JsonNode paid = setup.awaitVersion(id, 2);

        assertThat(credited.get("version").asLong()).isEqualTo(1);
        assertThat(credited.get("status").asString()).isEqualTo("pending");
        assertThat(paid.get("status").asString()).isEqualTo("paid");
        assertThat(paid.get("credited_amount").decimalValue()).isEqualByComparingTo("8.47");
        JsonNode history = partner.history(id).data();
        assertThat(history.get(history.size() - 1).get("reason").asString())
                .isEqualTo("payments cover the grand total: paid 415.17 EUR (credited 8.47 EUR, owed 415.17 EUR) of"
                        + " 423.64 EUR");
        assertThat(OrderEventsOnTopic.await(orderEvents, id, 2))
                .map(OrderEvent::getType)
                .containsExactly(OrderEventType.CREATED, OrderEventType.STATUS_CHANGED);
    }

    @Test
    void appliesEachCreditNoteOnceAndNeverLowersTheCreditedTotal() {
        UUID id = orderOnAccount("423.64");
        InvoiceEvent first = PaymentEvents.creditNote(id, "423.64", "50.00", "50.00");
        double duplicates = invoiceEvents("duplicate");
        double applied = invoiceEvents("no_order_change");

        payments.send(first);
        payments.send(first);
        payments.send(PaymentEvents.creditNote(id, "423.64", "20.00", "70.00"));
        // A late report of 50.00 in all, with an event id of its own: it comes last on the order's partition.
        payments.send(PaymentEvents.creditNote(id, "423.64", "50.00", "50.00"));
        await().atMost(Duration.ofSeconds(60))
                .until(() -> invoiceEvents("duplicate") >= duplicates + 1
                        && invoiceEvents("no_order_change") >= applied + 3);

        JsonNode order = partner.get(id).data();
        assertThat(order.get("credited_amount").decimalValue()).isEqualByComparingTo("70.00");
        assertThat(order.get("version").asLong()).isEqualTo(1);
        assertThat(order.get("status").asString()).isEqualTo("pending");
    }

    @Test
    void creditedAmountsNoLongerCountAgainstTheCreditLimit() {
        UUID contract = ContractFixtures.create(admin, ContractFixtures.praxisNord());
        UUID first = partner.place(ContractFixtures.onAccount(contract, "1200.00"));
        assertThat(partner.create(ContractFixtures.onAccount(contract, "4000.00"))
                        .status())
                .as("1200.00 open and 4000.00 exceed 5000.00")
                .isEqualTo(422);

        payments.send(PaymentEvents.creditNote(first, "1200.00", "300.00", "300.00"));
        await().atMost(Duration.ofSeconds(60))
                .until(() -> partner.get(first)
                                .data()
                                .get("credited_amount")
                                .decimalValue()
                                .signum()
                        > 0);

        assertThat(partner.create(ContractFixtures.onAccount(contract, "4000.00"))
                        .status())
                .as("900.00 open and 4000.00 fit in 5000.00")
                .isEqualTo(201);
    }

    @Test
    void invoicesAndRemindersChangeNothing() {
        UUID id = orderOnAccount("423.64");
        double ignored = invoiceEvents("not_a_credit_note");
        InvoiceEvent issued = PaymentEvents.creditNote(id, "423.64", "8.47", "0");
        issued.setType(InvoiceEventType.INVOICE_ISSUED);
        issued.setCreditNote(null);

        payments.send(issued);

        await().atMost(Duration.ofSeconds(60)).until(() -> invoiceEvents("not_a_credit_note") >= ignored + 1);
        JsonNode order = partner.get(id).data();
        assertThat(order.get("version").asLong()).isEqualTo(1);
        assertThat(order.get("credited_amount").decimalValue()).isEqualByComparingTo("0");
    }

    private UUID orderOnAccount(String grandTotal) {
        UUID contract = ContractFixtures.create(admin, ContractFixtures.praxisNord());
        return partner.place(ContractFixtures.onAccount(contract, grandTotal));
    }

    private static io.orderhub.events.PaymentEvent transfer(UUID orderId, String amount) {
        return PaymentEvents.payment(orderId).provider("bank_transfer").event(1, SUCCEEDED, amount, "0");
    }

    private double invoiceEvents(String outcome) {
        return meters.counter("orderhub.orders.invoice_events", "outcome", outcome)
                .count();
    }
}
