package io.orderhub.orders.contract;

import static io.orderhub.orders.jooq.Tables.CONTRACTS;
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
import tools.jackson.databind.node.ObjectNode;

/** {@code /api/v1/contracts}: admin keys create, read, list and change contracts; bad input changes nothing. */
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
}
