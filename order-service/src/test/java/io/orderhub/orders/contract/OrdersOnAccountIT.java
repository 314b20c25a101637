package io.orderhub.orders.contract;

import static io.orderhub.orders.contract.ContractsIT.fields;
import static io.orderhub.orders.jooq.Tables.ORDERS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.jooq.impl.DSL.sum;

import io.orderhub.events.AccountSnapshot;
import io.orderhub.events.OrderEvent;
import io.orderhub.events.OrderEventType;
import io.orderhub.events.PaymentTermsSnapshot;
import io.orderhub.orders.ContractFixtures;
import io.orderhub.orders.OrderApi;
import io.orderhub.orders.OrderApi.Answer;
import io.orderhub.orders.OrderEventsOnTopic;
import io.orderhub.orders.OrderFixtures;
import io.orderhub.orders.OrderServiceIntegrationTest;
import io.orderhub.orders.TestKeys;
import io.orderhub.schemas.EventTopic;
import io.orderhub.testsupport.TestKafka;
import io.orderhub.testsupport.TopicRecorder;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Orders on account: placed under an active contract of the order's channel, in its currency, at its agreed
 * prices, only while the open receivables plus the order stay within the credit limit — also when orders race
 * (docs/b2b.md).
 */
@OrderServiceIntegrationTest
class OrdersOnAccountIT {

    static TopicRecorder orderEvents;

    @LocalServerPort
    int port;

    @Autowired
    DSLContext db;

    OrderApi admin;
    OrderApi partner;

    @BeforeAll
    static void connectKafka() {
        orderEvents = TopicRecorder.record(TestKafka.bootstrapServers(), EventTopic.ORDER_EVENTS.topicName());
    }

    @AfterAll
    static void disconnectKafka() {
        orderEvents.close();
    }

    @BeforeEach
    void connect() {
        admin = OrderApi.on(port, TestKeys.ADMIN);
        partner = OrderApi.on(port, TestKeys.B2B);
    }

    @Test
    void placesAnOrderWithinTheLimitAndShowsAndPublishesItsContract() {
        UUID contract = ContractFixtures.create(admin, ContractFixtures.praxisNord());

        Answer created = partner.create(ContractFixtures.onAccount(contract, "1200.00"));

        assertThat(created.status()).as(created.text()).isEqualTo(201);
        UUID id = UUID.fromString(created.data().get("id").asString());
        JsonNode order = partner.get(id).data();
        assertThat(order.get("contract_id").asString()).isEqualTo(contract.toString());
        assertThat(order.get("contract_version").asLong()).isEqualTo(1);
        assertThat(order.get("payment_method").asString()).isEqualTo("invoice");
        OrderEvent event = OrderEventsOnTopic.await(orderEvents, id, 1).get(0);
        assertThat(event.getType()).isEqualTo(OrderEventType.CREATED);
        assertThat(event.getOrder().getContractId()).isEqualTo(contract);
        assertThat(event.getOrder().getContractVersion()).isEqualTo(1L);
        assertThat(event.getOrder().getPaymentMethod()).isEqualTo("invoice");
        AccountSnapshot account = event.getOrder().getAccount();
        assertThat(account.getCustomer().getCompany()).isEqualTo("Praxis Nord GmbH");
        assertThat(account.getCustomer().getVatId()).isEqualTo("DE123456789");
        assertThat(account.getCustomer().getEmail()).isEqualTo("buchhaltung@praxis-nord.example");
        assertThat(account.getCustomer().getAddress().getPostalCode()).isEqualTo("20457");
        assertThat(account.getCustomer().getAddress().getCountry()).isEqualTo("DE");
        assertThat(account.getCustomer().getBuyerReference()).isEqualTo("04011000-12345-67");
        assertThat(account.getPaymentTerms().getNetDays()).isEqualTo(30);
        assertThat(account.getPaymentTerms().getDiscountPercent()).isEqualByComparingTo("2");
        assertThat(account.getPaymentTerms().getDiscountDays()).isEqualTo(10);
    }

    @Test
    void anOrderNotOnAccountHasNoContract() {
        UUID id = partner.place(OrderFixtures.minimalOrder("b2b"));

        JsonNode order = partner.get(id).data();

        assertThat(order.get("contract_id").isNull()).isTrue();
        assertThat(order.get("payment_method").isNull()).isTrue();
        assertThat(OrderEventsOnTopic.await(orderEvents, id, 1)
                        .get(0)
                        .getOrder()
                        .getContractId())
                .isNull();
        assertThat(OrderEventsOnTopic.await(orderEvents, id, 1)
                        .get(0)
                        .getOrder()
                        .getAccount())
                .isNull();
    }

    @Test
    void refusesAnOrderBeyondTheLimitNamingTheLimitAndWhatIsOpenAndStoresNothing() {
        UUID contract = ContractFixtures.create(admin, ContractFixtures.praxisNord());
        partner.place(ContractFixtures.onAccount(contract, "4100.00"));
        ObjectNode tooMuch = ContractFixtures.onAccount(contract, "1200.00");

        Answer refused = partner.create(tooMuch);

        assertThat(refused.status()).as(refused.text()).isEqualTo(422);
        JsonNode problem = refused.json();
        assertThat(problem.get("type").asString()).endsWith("/credit-limit-exceeded");
        assertThat(problem.get("credit_limit").decimalValue()).isEqualByComparingTo("5000.00");
        assertThat(problem.get("open_receivables").decimalValue()).isEqualByComparingTo("4100.00");
        assertThat(problem.get("order_total").decimalValue()).isEqualByComparingTo("1200.00");
        assertThat(problem.get("available").decimalValue()).isEqualByComparingTo("900.00");
        assertThat(problem.get("currency").asString()).isEqualTo("EUR");
        assertThat(problem.get("detail").asString()).contains("5000.00 EUR", "4100.00 EUR");
        assertThat(db.fetchCount(
                        ORDERS,
                        ORDERS.SOURCE_ORDER_ID.eq(tooMuch.get("source_order_id").asString())))
                .isZero();
    }

    @Test
    void takesAnOrderThatFillsTheLimitExactly() {
        UUID contract = ContractFixtures.create(admin, ContractFixtures.withLimit("1000.00"));
        partner.place(ContractFixtures.onAccount(contract, "600.00"));

        Answer exact = partner.create(ContractFixtures.onAccount(contract, "400.00"));
        Answer oneCentMore = partner.create(ContractFixtures.onAccount(contract, "0.01"));

        assertThat(exact.status()).as(exact.text()).isEqualTo(201);
        assertThat(oneCentMore.status()).as(oneCentMore.text()).isEqualTo(422);
    }

    @Test
    void aCancelledOrderNoLongerCountsAgainstTheLimit() {
        UUID contract = ContractFixtures.create(admin, ContractFixtures.withLimit("1000.00"));
        UUID first = partner.place(ContractFixtures.onAccount(contract, "800.00"));
        assertThat(partner.create(ContractFixtures.onAccount(contract, "800.00"))
                        .status())
                .isEqualTo(422);

        assertThat(partner.transition(first, "cancelled", "buyer withdrew").status())
                .isEqualTo(200);
        Answer again = partner.create(ContractFixtures.onAccount(contract, "800.00"));

        assertThat(again.status()).as(again.text()).isEqualTo(201);
    }

    @Test
    void aSuspendedContractRefusesOrdersUntilItIsActiveAgain() {
        UUID contract = ContractFixtures.create(admin, ContractFixtures.praxisNord());
        admin.patch("/api/v1/contracts/" + contract, "{\"status\": \"suspended\"}");
        ObjectNode order = ContractFixtures.onAccount(contract, "100.00");

        Answer refused = partner.create(order);
        admin.patch("/api/v1/contracts/" + contract, "{\"status\": \"active\"}");
        Answer placed = partner.create(order);

        assertThat(refused.status()).as(refused.text()).isEqualTo(422);
        assertThat(fields(refused)).containsExactly("contract_id");
        assertThat(refused.text()).contains("suspended");
        assertThat(placed.status()).as(placed.text()).isEqualTo(201);
        assertThat(placed.data().get("contract_version").asLong()).isEqualTo(3);
    }

    @Test
    void anotherChannelsContractLooksLikeNoContract() {
        ObjectNode shopContract = ContractFixtures.praxisNord();
        shopContract.put("channel", "woocommerce");
        UUID others = ContractFixtures.create(admin, shopContract);

        Answer foreign = partner.create(ContractFixtures.onAccount(others, "10.00"));
        Answer unknown = partner.create(ContractFixtures.onAccount(UUID.randomUUID(), "10.00"));

        assertThat(foreign.status()).isEqualTo(422);
        assertThat(unknown.status()).isEqualTo(422);
        assertThat(foreign.json().get("errors")).isEqualTo(unknown.json().get("errors"));
        assertThat(fields(foreign)).containsExactly("contract_id");
    }

    @Test
    void refusesAnOrderInAnotherCurrencyThanTheLimit() {
        UUID contract = ContractFixtures.create(admin, ContractFixtures.praxisNord());
        ObjectNode order = ContractFixtures.onAccount(contract, "10.00");
        order.put("currency", "CHF");

        Answer refused = partner.create(order);

        assertThat(refused.status()).as(refused.text()).isEqualTo(422);
        assertThat(fields(refused)).containsExactly("currency");
    }

    @Test
    void needsContractAndInvoiceTogether() {
        UUID contract = ContractFixtures.create(admin, ContractFixtures.praxisNord());
        ObjectNode noMethod = ContractFixtures.onAccount(contract, "10.00");
        noMethod.remove("payment_method");
        ObjectNode noContract = ContractFixtures.onAccount(contract, "10.00");
        noContract.remove("contract_id");
        ObjectNode card = ContractFixtures.onAccount(contract, "10.00");
        card.put("payment_method", "card");
        ObjectNode badId = ContractFixtures.onAccount(contract, "10.00");
        badId.put("contract_id", "42");

        assertThat(fields(partner.create(noMethod))).containsExactly("payment_method");
        assertThat(fields(partner.create(noContract))).containsExactly("contract_id");
        assertThat(fields(partner.create(card))).containsExactly("payment_method");
        assertThat(fields(partner.create(badId))).containsExactly("contract_id");
    }

    @Test
    void aChangeOfTermsAppliesToNewOrdersOnly() {
        UUID contract = ContractFixtures.create(admin, ContractFixtures.withLimit("1000.00"));
        UUID before = partner.place(ContractFixtures.onAccount(contract, "900.00"));

        admin.patch("/api/v1/contracts/" + contract, """
                {"credit_limit": {"amount": 2000.00, "currency": "EUR"}, "payment_terms": {"net_days": 60}}
                """);
        Answer after = partner.create(ContractFixtures.onAccount(contract, "900.00"));

        assertThat(after.status()).as(after.text()).isEqualTo(201);
        assertThat(after.data().get("contract_version").asLong()).isEqualTo(2);
        assertThat(partner.get(before).data().get("contract_version").asLong()).isEqualTo(1);
        UUID afterId = UUID.fromString(after.data().get("id").asString());
        PaymentTermsSnapshot newTerms = OrderEventsOnTopic.await(orderEvents, afterId, 1)
                .get(0)
                .getOrder()
                .getAccount()
                .getPaymentTerms();
        assertThat(newTerms.getNetDays()).isEqualTo(60);
        assertThat(newTerms.getDiscountPercent()).isNull();
        assertThat(OrderEventsOnTopic.await(orderEvents, before, 1)
                        .get(0)
                        .getOrder()
                        .getAccount()
                        .getPaymentTerms()
                        .getNetDays())
                .isEqualTo(30);
    }

    @Test
    void placesAnOrderAtTheAgreedPriceComparedAsANumber() {
        UUID contract = ContractFixtures.create(admin, ContractFixtures.withAgreedPrices("8.50"));

        Answer placed = partner.create(order(contract, line("HANDSCHUH-M-100", "8.5", 40), line(null, "3.00", 1)));

        assertThat(placed.status()).as(placed.text()).isEqualTo(201);
        assertThat(placed.data().at("/items/0/unit_price").decimalValue()).isEqualByComparingTo("8.50");
        assertThat(placed.data().get("contract_version").asLong()).isEqualTo(1);
    }

    @Test
    void refusesEveryLineAtAnotherPriceNamingItAndStoresNothingNorPublishes() {
        UUID contract = ContractFixtures.create(admin, ContractFixtures.withAgreedPrices("8.50"));
        ObjectNode wrong = order(
                contract,
                line("HANDSCHUH-M-100", "8.90", 40),
                line("PFLASTER-72", "2.10", 5),
                line("DESINFEKTION-1L", "6.39", 10));

        Answer refused = partner.create(wrong);

        assertThat(refused.status()).as(refused.text()).isEqualTo(422);
        assertThat(refused.json().get("type").asString()).endsWith("/validation-failed");
        assertThat(fields(refused)).containsExactly("items[0].unit_price", "items[2].unit_price");
        assertThat(refused.json().at("/errors/0/message").asString())
                .isEqualTo("the contract agrees 8.50 EUR for HANDSCHUH-M-100");
        assertThat(refused.json().at("/errors/1/message").asString())
                .isEqualTo("the contract agrees 6.40 EUR for DESINFEKTION-1L");
        String refusedId = wrong.get("source_order_id").asString();
        assertThat(db.fetchCount(ORDERS, ORDERS.SOURCE_ORDER_ID.eq(refusedId))).isZero();
        // An order placed after it is published; the refused one never is.
        UUID later = partner.place(order(contract, line("HANDSCHUH-M-100", "8.50", 1)));
        OrderEventsOnTopic.await(orderEvents, later, 1);
        assertThat(orderEvents.values(OrderEvent.class))
                .noneMatch(e -> e.getOrder().getSourceOrderId().equals(refusedId));
    }

    @Test
    void refusesALineWithAnAgreedSkuButOnlyALineTotal() {
        UUID contract = ContractFixtures.create(admin, ContractFixtures.withAgreedPrices("8.50"));
        ObjectNode order = order(contract, line("HANDSCHUH-M-100", null, 40));
        ((ObjectNode) order.get("items").get(0)).put("price", new BigDecimal("340.00"));

        Answer refused = partner.create(order);

        assertThat(refused.status()).as(refused.text()).isEqualTo(422);
        assertThat(fields(refused)).containsExactly("items[0].unit_price");
        assertThat(refused.json().at("/errors/0/message").asString())
                .isEqualTo("the contract agrees 8.50 EUR for HANDSCHUH-M-100: the agreed unit_price is required");
    }

    @Test
    void refusesALineAtTheAgreedUnitPriceWhoseLineTotalUndercutsIt() {
        UUID contract = ContractFixtures.create(admin, ContractFixtures.withAgreedPrices("8.50"));
        ObjectNode discounted = order(contract, line("HANDSCHUH-M-100", "8.50", 40));
        ((ObjectNode) discounted.get("items").get(0)).put("price", new BigDecimal("300.00"));
        ObjectNode exact = order(contract, line("HANDSCHUH-M-100", "8.50", 40));
        ((ObjectNode) exact.get("items").get(0)).put("price", new BigDecimal("340.0"));

        Answer refused = partner.create(discounted);
        Answer placed = partner.create(exact);

        assertThat(refused.status()).as(refused.text()).isEqualTo(422);
        assertThat(fields(refused)).containsExactly("items[0].price");
        assertThat(refused.json().at("/errors/0/message").asString())
                .isEqualTo("the contract agrees 8.50 EUR for HANDSCHUH-M-100: the line total must be 40 × 8.50 EUR ="
                        + " 340.00 EUR");
        assertThat(db.fetchCount(
                        ORDERS,
                        ORDERS.SOURCE_ORDER_ID.eq(
                                discounted.get("source_order_id").asString())))
                .isZero();
        assertThat(placed.status()).as(placed.text()).isEqualTo(201);
    }

    @Test
    void leavesOtherSkusAndOrdersNotOnAccountAlone() {
        UUID contract = ContractFixtures.create(admin, ContractFixtures.withAgreedPrices("8.50"));

        Answer otherSkus = partner.create(order(contract, line("PFLASTER-72", "2.10", 5), line(null, null, 1)));
        ObjectNode notOnAccount = order(contract, line("HANDSCHUH-M-100", "9.99", 1));
        notOnAccount.remove("contract_id");
        notOnAccount.remove("payment_method");
        Answer card = partner.create(notOnAccount);

        assertThat(otherSkus.status()).as(otherSkus.text()).isEqualTo(201);
        assertThat(card.status()).as(card.text()).isEqualTo(201);
    }

    @Test
    void aPriceChangeAppliesToNewOrdersOnly() {
        UUID contract = ContractFixtures.create(admin, ContractFixtures.withAgreedPrices("8.50"));
        UUID before = partner.place(order(contract, line("HANDSCHUH-M-100", "8.50", 10)));

        admin.patch("/api/v1/contracts/" + contract, """
                {"agreed_prices": [{"sku": "HANDSCHUH-M-100", "unit_price": 8.20}]}
                """);
        Answer oldPrice = partner.create(order(contract, line("HANDSCHUH-M-100", "8.50", 10)));
        Answer newPrice = partner.create(order(contract, line("HANDSCHUH-M-100", "8.20", 10)));

        assertThat(oldPrice.status()).as(oldPrice.text()).isEqualTo(422);
        assertThat(oldPrice.json().at("/errors/0/message").asString())
                .isEqualTo("the contract agrees 8.20 EUR for HANDSCHUH-M-100");
        assertThat(newPrice.status()).as(newPrice.text()).isEqualTo(201);
        assertThat(newPrice.data().get("contract_version").asLong()).isEqualTo(2);
        JsonNode earlier = partner.get(before).data();
        assertThat(earlier.get("contract_version").asLong()).isEqualTo(1);
        assertThat(earlier.at("/items/0/unit_price").decimalValue()).isEqualByComparingTo("8.50");
    }

    /**
     * Ten orders of 150.00 race for a limit of 1000.00: the contract's row lock makes them pass one after
     * another, so exactly six fit and four are refused — never more than the limit on account.
     */
    @Test
    void racingOrdersNeverTogetherExceedTheLimit() throws Exception {
        UUID contract = ContractFixtures.create(admin, ContractFixtures.withLimit("1000.00"));
        int racers = 10;
        ExecutorService pool = Executors.newFixedThreadPool(racers);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Answer>> answers = new ArrayList<>();
        try {
            for (int i = 0; i < racers; i++) {
                ObjectNode order = ContractFixtures.onAccount(contract, "150.00");
                answers.add(pool.submit(() -> {
                    start.await();
                    return partner.create(order);
                }));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Answer> answer : answers) {
                statuses.add(answer.get().status());
            }

            assertThat(statuses).filteredOn(s -> s == 201).hasSize(6);
            assertThat(statuses).filteredOn(s -> s == 422).hasSize(4);
        } finally {
            pool.shutdownNow();
        }
        BigDecimal onAccount = db.select(sum(ORDERS.GRAND_TOTAL))
                .from(ORDERS)
                .where(ORDERS.CONTRACT_ID.eq(contract))
                .fetchSingle(0, BigDecimal.class);
        assertThat(onAccount).isLessThanOrEqualTo(new BigDecimal("1000.00")).isEqualByComparingTo("900.00");
    }

    /** An order of channel {@code b2b} on account under the contract with the given lines. */
    private static ObjectNode order(UUID contract, ObjectNode... lines) {
        ObjectNode order = ContractFixtures.onAccount(contract, "1.00");
        ArrayNode items = order.putArray("items");
        for (ObjectNode line : lines) {
            items.add(line);
        }
        return order;
    }

    /** A line of the quantity at the unit price; without one, its line total {@code price} is 1.00. */
    private static ObjectNode line(String sku, String unitPrice, int quantity) {
        ObjectNode line = OrderApi.json().createObjectNode();
        if (sku != null) {
            line.put("sku", sku);
        }
        line.put("name", sku == null ? "Versand" : sku).put("quantity", quantity);
        if (unitPrice != null) {
            line.put("unit_price", new BigDecimal(unitPrice));
        } else {
            line.put("price", new BigDecimal("1.00"));
        }
        return line;
    }
}
