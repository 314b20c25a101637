package io.orderhub.orders.contract;

import static io.orderhub.orders.jooq.Tables.CONTRACTS;
import static io.orderhub.orders.jooq.Tables.CONTRACT_AGREED_PRICES;
import static io.orderhub.orders.jooq.Tables.CONTRACT_VERSIONS;
import static org.assertj.core.api.Assertions.assertThat;

import io.orderhub.orders.ContractFixtures;
import io.orderhub.orders.OrderApi;
import io.orderhub.orders.OrderApi.Answer;
import io.orderhub.orders.OrderServiceIntegrationTest;
import io.orderhub.orders.TestKeys;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code /api/v1/contracts}: admin keys create, read, list and change contracts, their agreed prices included;
 * bad input changes nothing.
 */
@OrderServiceIntegrationTest
class ContractsIT {

    @LocalServerPort
    int port;

    @Autowired
    DSLContext db;

    OrderApi admin;

    @BeforeEach
    void connect() {
        admin = OrderApi.on(port, TestKeys.ADMIN);
    }

    @Test
    void createsTheIssuesExampleContractAndReadsItBack() {
        Answer created =
                admin.post("/api/v1/contracts", ContractFixtures.praxisNord().toString());

        assertThat(created.status()).as(created.text()).isEqualTo(201);
        String id = created.data().get("id").asString();
        assertThat(created.header("Location")).isEqualTo("/api/v1/contracts/" + id);
        JsonNode contract = admin.get("/api/v1/contracts/" + id).data();
        assertThat(contract.get("channel").asString()).isEqualTo("b2b");
        assertThat(contract.get("status").asString()).isEqualTo("active");
        assertThat(contract.get("version").asLong()).isEqualTo(1);
        assertThat(contract.at("/customer/company").asString()).isEqualTo("Praxis Nord GmbH");
        assertThat(contract.at("/customer/vat_id").asString()).isEqualTo("DE123456789");
        assertThat(contract.at("/customer/email").asString()).isEqualTo("buchhaltung@praxis-nord.example");
        assertThat(contract.at("/customer/address/line1").asString()).isEqualTo("Hafenstr. 1");
        assertThat(contract.at("/customer/address/postal_code").asString()).isEqualTo("20457");
        assertThat(contract.at("/customer/address/city").asString()).isEqualTo("Hamburg");
        assertThat(contract.at("/customer/address/country").asString()).isEqualTo("DE");
        assertThat(contract.at("/customer/buyer_reference").asString()).isEqualTo("04011000-12345-67");
        assertThat(contract.at("/payment_terms/net_days").asInt()).isEqualTo(30);
        assertThat(contract.at("/payment_terms/discount_percent").decimalValue())
                .isEqualByComparingTo("2");
        assertThat(contract.at("/payment_terms/discount_days").asInt()).isEqualTo(10);
        assertThat(contract.at("/credit_limit/amount").decimalValue()).isEqualTo(new BigDecimal("5000.00"));
        assertThat(contract.at("/credit_limit/currency").asString()).isEqualTo("EUR");
    }

    @Test
    void normalisesTheVatIdAndTakesAContractWithoutDiscountOrBuyerReference() {
        ObjectNode body = ContractFixtures.praxisNord();
        ((ObjectNode) body.get("customer")).put("vat_id", "de 123 456 789").remove("buyer_reference");
        ((ObjectNode) body.get("payment_terms")).remove("discount_percent");
        ((ObjectNode) body.get("payment_terms")).remove("discount_days");

        Answer created = admin.post("/api/v1/contracts", body.toString());

        assertThat(created.status()).as(created.text()).isEqualTo(201);
        assertThat(created.data().at("/customer/vat_id").asString()).isEqualTo("DE123456789");
        assertThat(created.data().at("/customer/buyer_reference").isNull()).isTrue();
        assertThat(created.data().at("/payment_terms/discount_percent").isNull())
                .isTrue();
    }

    @Test
    void refusesChannelKeysOnEveryContractOperation() {
        UUID id = ContractFixtures.create(admin, ContractFixtures.praxisNord());
        OrderApi channel = admin.withKey(TestKeys.B2B);
        int before = db.fetchCount(CONTRACTS);

        List<Answer> answers = List.of(
                channel.post("/api/v1/contracts", ContractFixtures.praxisNord().toString()),
                channel.get("/api/v1/contracts/" + id),
                channel.get("/api/v1/contracts"),
                channel.patch("/api/v1/contracts/" + id, "{\"status\": \"suspended\"}"));

        assertThat(answers).allSatisfy(a -> assertThat(a.status()).as(a.text()).isEqualTo(403));
        assertThat(db.fetchCount(CONTRACTS)).isEqualTo(before);
        assertThat(admin.get("/api/v1/contracts/" + id).data().get("status").asString())
                .isEqualTo("active");
    }

    static Stream<Arguments> invalidContracts() {
        return Stream.of(
                invalid("no channel", c -> c.remove("channel"), "channel"),
                invalid("no customer", c -> c.remove("customer"), "customer"),
                invalid("no company", c -> customer(c).remove("company"), "customer.company"),
                invalid("no email", c -> customer(c).remove("email"), "customer.email"),
                invalid("not an email", c -> customer(c).put("email", "buchhaltung"), "customer.email"),
                invalid("German VAT id too short", c -> customer(c).put("vat_id", "DE12345678"), "customer.vat_id"),
                invalid("Austrian VAT id without U", c -> customer(c).put("vat_id", "AT12345678"), "customer.vat_id"),
                invalid("Dutch VAT id without B", c -> customer(c).put("vat_id", "NL123456789012"), "customer.vat_id"),
                invalid("VAT id without prefix", c -> customer(c).put("vat_id", "123456789"), "customer.vat_id"),
                invalid("no address", c -> customer(c).remove("address"), "customer.address"),
                invalid("no postal code", c -> address(c).remove("postal_code"), "customer.address.postal_code"),
                invalid("country by name", c -> address(c).put("country", "Germany"), "customer.address.country"),
                invalid("country in lower case", c -> address(c).put("country", "de"), "customer.address.country"),
                invalid("country not ISO 3166", c -> address(c).put("country", "XX"), "customer.address.country"),
                invalid("no payment terms", c -> c.remove("payment_terms"), "payment_terms"),
                invalid("no net days", c -> terms(c).remove("net_days"), "payment_terms.net_days"),
                invalid("net days over a year", c -> terms(c).put("net_days", 366), "payment_terms.net_days"),
                invalid("negative net days", c -> terms(c).put("net_days", -1), "payment_terms.net_days"),
                invalid(
                        "discount of 100 %",
                        c -> terms(c).put("discount_percent", 100), "payment_terms.discount_percent"),
                invalid(
                        "negative discount",
                        c -> terms(c).put("discount_percent", -2),
                        "payment_terms.discount_percent"),
                invalid("discount without days", c -> terms(c).remove("discount_days"), "payment_terms.discount_days"),
                invalid(
                        "discount days after net days",
                        c -> terms(c).put("discount_days", 31),
                        "payment_terms.discount_days"),
                invalid("no credit limit", c -> c.remove("credit_limit"), "credit_limit"),
                invalid("no limit amount", c -> limit(c).remove("amount"), "credit_limit.amount"),
                invalid("negative limit", c -> limit(c).put("amount", new BigDecimal("-1")), "credit_limit.amount"),
                invalid(
                        "cents in a EUR limit",
                        c -> limit(c).put("amount", new BigDecimal("10.001")),
                        "credit_limit.amount"),
                invalid("unknown currency", c -> limit(c).put("currency", "EURO"), "credit_limit.currency"),
                invalid("currency in lower case", c -> limit(c).put("currency", "eur"), "credit_limit.currency"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidContracts")
    void refusesAnInvalidContractNamingTheFieldAndStoresNothing(
            String name, Consumer<ObjectNode> breakIt, String field) {
        ObjectNode body = ContractFixtures.praxisNord();
        breakIt.accept(body);
        int before = db.fetchCount(CONTRACTS);

        Answer refused = admin.post("/api/v1/contracts", body.toString());

        assertThat(refused.status()).as(refused.text()).isEqualTo(422);
        assertThat(fields(refused)).as(refused.text()).contains(field);
        assertThat(db.fetchCount(CONTRACTS)).isEqualTo(before);
    }

    @Test
    void namesEveryInvalidFieldInOneAnswer() {
        ObjectNode body = ContractFixtures.praxisNord();
        customer(body).put("vat_id", "DE1");
        address(body).put("country", "Deutschland");
        terms(body).put("net_days", 400);
        limit(body).put("currency", "XYZ");

        Answer refused = admin.post("/api/v1/contracts", body.toString());

        assertThat(refused.status()).isEqualTo(422);
        assertThat(fields(refused))
                .containsExactlyInAnyOrder(
                        "customer.vat_id",
                        "customer.address.country",
                        "payment_terms.net_days",
                        "credit_limit.currency");
    }

    @Test
    void answersAWronglyTypedFieldWithAProblemNotAnError() {
        ObjectNode body = ContractFixtures.praxisNord();
        terms(body).put("net_days", "thirty");
        int before = db.fetchCount(CONTRACTS);

        Answer refused = admin.post("/api/v1/contracts", body.toString());

        assertThat(refused.status()).as(refused.text()).isBetween(400, 499);
        assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
        assertThat(db.fetchCount(CONTRACTS)).isEqualTo(before);
    }

    @Test
    void listsAChannelsContractsNewestFirstAcrossPages() {
        String channel = "b2b-list-" + UUID.randomUUID().toString().substring(0, 8);
        List<UUID> created = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            ObjectNode body = ContractFixtures.praxisNord();
            body.put("channel", channel);
            created.add(ContractFixtures.create(admin, body));
        }
        ContractFixtures.create(admin, ContractFixtures.praxisNord());

        Answer first = admin.get("/api/v1/contracts?channel=" + channel + "&limit=2");
        Answer second = admin.get("/api/v1/contracts?channel=" + channel + "&limit=2&cursor="
                + first.json().get("next_cursor").asString());

        assertThat(first.status()).as(first.text()).isEqualTo(200);
        assertThat(ids(first)).containsExactly(created.get(2), created.get(1));
        assertThat(ids(second)).containsExactly(created.get(0));
        assertThat(second.json().get("next_cursor").isNull()).isTrue();
    }

    @Test
    void filtersTheListByStatus() {
        String channel = "b2b-status-" + UUID.randomUUID().toString().substring(0, 8);
        ObjectNode body = ContractFixtures.praxisNord();
        body.put("channel", channel);
        UUID active = ContractFixtures.create(admin, body);
        UUID suspended = ContractFixtures.create(admin, body);
        admin.patch("/api/v1/contracts/" + suspended, "{\"status\": \"suspended\"}");

        assertThat(ids(admin.get("/api/v1/contracts?channel=" + channel + "&status=suspended")))
                .containsExactly(suspended);
        assertThat(ids(admin.get("/api/v1/contracts?channel=" + channel + "&status=active")))
                .containsExactly(active);
        assertThat(admin.get("/api/v1/contracts?status=closed").status()).isEqualTo(400);
    }

    @Test
    void changesTermsAsTheNextVersionAndKeepsThePreviousOne() {
        UUID id = ContractFixtures.create(admin, ContractFixtures.praxisNord());

        Answer changed = admin.patch("/api/v1/contracts/" + id, """
                {"payment_terms": {"net_days": 14},
                 "credit_limit": {"amount": 8000, "currency": "EUR"}}
                """);

        assertThat(changed.status()).as(changed.text()).isEqualTo(200);
        JsonNode contract = admin.get("/api/v1/contracts/" + id).data();
        assertThat(contract.get("version").asLong()).isEqualTo(2);
        assertThat(contract.at("/payment_terms/net_days").asInt()).isEqualTo(14);
        assertThat(contract.at("/payment_terms/discount_percent").isNull()).isTrue();
        assertThat(contract.at("/credit_limit/amount").decimalValue()).isEqualTo(new BigDecimal("8000.00"));
        assertThat(contract.at("/customer/company").asString()).isEqualTo("Praxis Nord GmbH");
        assertThat(db.select(CONTRACT_VERSIONS.VERSION, CONTRACT_VERSIONS.NET_DAYS, CONTRACT_VERSIONS.CHANGED_BY)
                        .from(CONTRACT_VERSIONS)
                        .where(CONTRACT_VERSIONS.CONTRACT_ID.eq(id))
                        .orderBy(CONTRACT_VERSIONS.VERSION)
                        .fetch(r -> r.value1() + ":" + r.value2() + ":" + r.value3()))
                .containsExactly("1:30:ops", "2:14:ops");
    }

    @Test
    void refusesAChangeOfTheLimitsCurrencyAndChangesNothing() {
        UUID id = ContractFixtures.create(admin, ContractFixtures.praxisNord());

        Answer refused =
                admin.patch("/api/v1/contracts/" + id, "{\"credit_limit\": {\"amount\": 5000, \"currency\": \"CHF\"}}");

        assertThat(refused.status()).as(refused.text()).isEqualTo(422);
        assertThat(fields(refused)).containsExactly("credit_limit.currency");
        assertThat(admin.get("/api/v1/contracts/" + id).data().get("version").asLong())
                .isEqualTo(1);
    }

    @Test
    void refusesAChangeOfChannelButTakesItsOwnChannelNamedAgain() {
        UUID id = ContractFixtures.create(admin, ContractFixtures.praxisNord());

        Answer moved =
                admin.patch("/api/v1/contracts/" + id, "{\"channel\": \"woocommerce\", \"status\": \"suspended\"}");
        Answer same = admin.patch("/api/v1/contracts/" + id, "{\"channel\": \"b2b\", \"status\": \"suspended\"}");

        assertThat(moved.status()).as(moved.text()).isEqualTo(422);
        assertThat(fields(moved)).containsExactly("channel");
        assertThat(same.status()).as(same.text()).isEqualTo(200);
        assertThat(same.data().get("channel").asString()).isEqualTo("b2b");
        assertThat(same.data().get("version").asLong()).isEqualTo(2);
    }

    @Test
    void writesADiscountOfTenPercentAsTenNotInExponentForm() {
        ObjectNode body = ContractFixtures.praxisNord();
        terms(body).put("discount_percent", new BigDecimal("10.00"));

        Answer created = admin.post("/api/v1/contracts", body.toString());
        Answer read = admin.get("/api/v1/contracts/" + created.data().get("id").asString());

        assertThat(created.text()).contains("\"discount_percent\":10,");
        assertThat(read.text()).contains("\"discount_percent\":10,");
    }

    @Test
    void refusesAnEmptyOrInvalidChange() {
        UUID id = ContractFixtures.create(admin, ContractFixtures.praxisNord());

        Answer empty = admin.patch("/api/v1/contracts/" + id, "{}");
        Answer badStatus = admin.patch("/api/v1/contracts/" + id, "{\"status\": \"closed\"}");
        Answer badTerms = admin.patch("/api/v1/contracts/" + id, "{\"payment_terms\": {\"net_days\": 500}}");

        assertThat(empty.status()).isEqualTo(422);
        assertThat(fields(badStatus)).containsExactly("status");
        assertThat(fields(badTerms)).containsExactly("payment_terms.net_days");
        assertThat(admin.get("/api/v1/contracts/" + id).data().get("version").asLong())
                .isEqualTo(1);
    }

    @Test
    void answersAnUnknownOrMalformedContractIdWith404() {
        String unknown = "/api/v1/contracts/" + UUID.randomUUID();

        assertThat(admin.get(unknown).status()).isEqualTo(404);
        assertThat(admin.patch(unknown, "{\"status\": \"suspended\"}").status()).isEqualTo(404);
        assertThat(admin.get("/api/v1/contracts/not-a-uuid").status()).isEqualTo(404);
    }

    @Test
    void createsAContractWithAgreedPricesAndReadsThemBackInTheOrderSent() {
        Answer created = admin.post(
                "/api/v1/contracts", ContractFixtures.withAgreedPrices("8.5").toString());

        assertThat(created.status()).as(created.text()).isEqualTo(201);
        JsonNode read = admin.get(
                        "/api/v1/contracts/" + created.data().get("id").asString())
                .data();
        assertThat(prices(read)).containsExactly("HANDSCHUH-M-100=8.50", "DESINFEKTION-1L=6.40");
        assertThat(prices(created.data())).containsExactly("HANDSCHUH-M-100=8.50", "DESINFEKTION-1L=6.40");
        assertThat(read.at("/agreed_prices/0/unit_price").decimalValue()).isEqualTo(new BigDecimal("8.50"));
    }

    @Test
    void aContractWithoutPricesShowsAnEmptyList() {
        Answer created =
                admin.post("/api/v1/contracts", ContractFixtures.praxisNord().toString());

        assertThat(created.data().get("agreed_prices").isArray()).isTrue();
        assertThat(created.data().get("agreed_prices").isEmpty()).isTrue();
    }

    @Test
    void listsContractsWithThePricesOfTheirCurrentVersion() {
        String channel = "b2b-prices-" + UUID.randomUUID().toString().substring(0, 8);
        ObjectNode withPrices = ContractFixtures.withAgreedPrices("8.50");
        withPrices.put("channel", channel);
        UUID priced = ContractFixtures.create(admin, withPrices);
        ObjectNode without = ContractFixtures.praxisNord();
        without.put("channel", channel);
        UUID plain = ContractFixtures.create(admin, without);
        admin.patch("/api/v1/contracts/" + priced, "{\"agreed_prices\": [{\"sku\": \"A-1\", \"unit_price\": 1}]}");

        JsonNode page = admin.get("/api/v1/contracts?channel=" + channel).data();

        assertThat(page.get(0).get("id").asString()).isEqualTo(plain.toString());
        assertThat(prices(page.get(0))).isEmpty();
        assertThat(prices(page.get(1))).containsExactly("A-1=1.00");
    }

    static Stream<Arguments> invalidPrices() {
        return Stream.of(
                invalidPrice("no sku", p -> price(p, 1).remove("sku"), "agreed_prices[1].sku"),
                invalidPrice("blank sku", p -> price(p, 0).put("sku", "  "), "agreed_prices[0].sku"),
                invalidPrice("sku too long", p -> price(p, 1).put("sku", "S".repeat(256)), "agreed_prices[1].sku"),
                invalidPrice("sku twice", p -> price(p, 1).put("sku", " HANDSCHUH-M-100 "), "agreed_prices[1].sku"),
                invalidPrice("no unit price", p -> price(p, 1).remove("unit_price"), "agreed_prices[1].unit_price"),
                invalidPrice(
                        "negative unit price",
                        p -> price(p, 0).put("unit_price", new BigDecimal("-0.01")),
                        "agreed_prices[0].unit_price"),
                invalidPrice(
                        "tenths of a cent",
                        p -> price(p, 1).put("unit_price", new BigDecimal("6.405")),
                        "agreed_prices[1].unit_price"),
                invalidPrice(
                        "beyond the amount limit",
                        p -> price(p, 0).put("unit_price", new BigDecimal("10000000000000")),
                        "agreed_prices[0].unit_price"),
                invalidPrice("an entry not an object", p -> p.setNull(0), "agreed_prices[0]"),
                invalidPrice(
                        "more than 1000 prices",
                        p -> {
                            for (int i = 0; i < 999; i++) {
                                p.addObject().put("sku", "SKU-" + i).put("unit_price", 1);
                            }
                        },
                        "agreed_prices"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidPrices")
    void refusesInvalidPricesOnCreateNamingTheirPathAndStoresNothing(
            String name, Consumer<ArrayNode> breakIt, String field) {
        ObjectNode body = ContractFixtures.withAgreedPrices("8.50");
        breakIt.accept((ArrayNode) body.get("agreed_prices"));
        int contracts = db.fetchCount(CONTRACTS);

        Answer refused = admin.post("/api/v1/contracts", body.toString());

        assertThat(refused.status()).as(refused.text()).isEqualTo(422);
        assertThat(refused.json().get("type").asString()).endsWith("/validation-failed");
        assertThat(fields(refused)).as(refused.text()).containsExactly(field);
        assertThat(db.fetchCount(CONTRACTS)).isEqualTo(contracts);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidPrices")
    void refusesInvalidPricesOnChangeNamingTheirPathAndKeepsTheVersion(
            String name, Consumer<ArrayNode> breakIt, String field) {
        UUID id = ContractFixtures.create(admin, ContractFixtures.praxisNord());
        ObjectNode change = ContractFixtures.withAgreedPrices("8.50").retain("agreed_prices");
        breakIt.accept((ArrayNode) change.get("agreed_prices"));

        Answer refused = admin.patch("/api/v1/contracts/" + id, change.toString());

        assertThat(refused.status()).as(refused.text()).isEqualTo(422);
        assertThat(fields(refused)).as(refused.text()).containsExactly(field);
        assertThat(admin.get("/api/v1/contracts/" + id).data().get("version").asLong())
                .isEqualTo(1);
        assertThat(db.fetchCount(CONTRACT_AGREED_PRICES, CONTRACT_AGREED_PRICES.CONTRACT_ID.eq(id)))
                .isZero();
    }

    @Test
    void namesEveryInvalidPriceAndOtherFieldInOneAnswer() {
        ObjectNode body = ContractFixtures.withAgreedPrices("8.505");
        price((ArrayNode) body.get("agreed_prices"), 1).remove("sku");
        ((ObjectNode) body.get("payment_terms")).put("net_days", 400);

        Answer refused = admin.post("/api/v1/contracts", body.toString());

        assertThat(fields(refused))
                .containsExactlyInAnyOrder(
                        "payment_terms.net_days", "agreed_prices[0].unit_price", "agreed_prices[1].sku");
    }

    @Test
    void checksFractionDigitsOfAChangeAgainstTheContractsCurrency() {
        ObjectNode yen = ContractFixtures.praxisNord();
        ((ObjectNode) yen.get("credit_limit")).put("amount", 500000).put("currency", "JPY");
        UUID id = ContractFixtures.create(admin, yen);

        Answer cents = admin.patch("/api/v1/contracts/" + id, """
                {"agreed_prices": [{"sku": "HANDSCHUH-M-100", "unit_price": 890}, {"sku": "X", "unit_price": 6.40}]}
                """);
        Answer whole = admin.patch("/api/v1/contracts/" + id, """
                {"agreed_prices": [{"sku": "HANDSCHUH-M-100", "unit_price": 890}, {"sku": "X", "unit_price": 6.00}]}
                """);

        assertThat(cents.status()).as(cents.text()).isEqualTo(422);
        assertThat(fields(cents)).containsExactly("agreed_prices[1].unit_price");
        assertThat(cents.text()).contains("JPY");
        assertThat(whole.status()).as(whole.text()).isEqualTo(200);
        assertThat(prices(whole.data())).containsExactly("HANDSCHUH-M-100=890", "X=6");
    }

    @Test
    void aChangeReplacesThePricesWholeAndAnEmptyListRemovesThemKeepingEveryVersion() {
        UUID id = ContractFixtures.create(admin, ContractFixtures.withAgreedPrices("8.50"));

        Answer replaced = admin.patch("/api/v1/contracts/" + id, """
                {"agreed_prices": [{"sku": "KANUELE-G22-50", "unit_price": 12.40}]}
                """);
        Answer suspended = admin.patch("/api/v1/contracts/" + id, "{\"status\": \"suspended\"}");
        Answer cleared = admin.patch("/api/v1/contracts/" + id, "{\"agreed_prices\": []}");

        assertThat(replaced.status()).as(replaced.text()).isEqualTo(200);
        assertThat(prices(replaced.data())).containsExactly("KANUELE-G22-50=12.40");
        assertThat(prices(suspended.data()))
                .as("a change of another part keeps the prices")
                .containsExactly("KANUELE-G22-50=12.40");
        assertThat(cleared.data().get("version").asLong()).isEqualTo(4);
        assertThat(prices(admin.get("/api/v1/contracts/" + id).data())).isEmpty();
        assertThat(db.select(CONTRACT_AGREED_PRICES.VERSION, CONTRACT_AGREED_PRICES.SKU)
                        .from(CONTRACT_AGREED_PRICES)
                        .where(CONTRACT_AGREED_PRICES.CONTRACT_ID.eq(id))
                        .orderBy(CONTRACT_AGREED_PRICES.VERSION, CONTRACT_AGREED_PRICES.POSITION)
                        .fetch(r -> r.value1() + ":" + r.value2()))
                .containsExactly("1:HANDSCHUH-M-100", "1:DESINFEKTION-1L", "2:KANUELE-G22-50", "3:KANUELE-G22-50");
        assertThat(db.fetchCount(CONTRACT_VERSIONS, CONTRACT_VERSIONS.CONTRACT_ID.eq(id)))
                .isEqualTo(4);
    }

    private static Arguments invalid(String name, Consumer<ObjectNode> breakIt, String field) {
        return Arguments.of(name, breakIt, field);
    }

    private static ObjectNode customer(ObjectNode contract) {
        return (ObjectNode) contract.get("customer");
    }

    private static ObjectNode address(ObjectNode contract) {
        return (ObjectNode) contract.at("/customer/address");
    }

    private static ObjectNode terms(ObjectNode contract) {
        return (ObjectNode) contract.get("payment_terms");
    }

    private static ObjectNode limit(ObjectNode contract) {
        return (ObjectNode) contract.get("credit_limit");
    }

    static List<String> fields(Answer answer) {
        JsonNode errors = answer.json().get("errors");
        return errors == null
                ? List.of()
                : errors.valueStream().map(e -> e.get("field").asString()).toList();
    }

    private static List<UUID> ids(Answer page) {
        return page.data()
                .valueStream()
                .map(c -> UUID.fromString(c.get("id").asString()))
                .toList();
    }

    private static Arguments invalidPrice(String name, Consumer<ArrayNode> breakIt, String field) {
        return Arguments.of(name, breakIt, field);
    }

    private static ObjectNode price(ArrayNode prices, int index) {
        return (ObjectNode) prices.get(index);
    }

    private static List<String> prices(JsonNode contract) {
        return contract.get("agreed_prices")
                .valueStream()
                .map(p -> p.get("sku").asString() + "="
                        + p.get("unit_price").decimalValue().toPlainString())
                .toList();
    }
}
