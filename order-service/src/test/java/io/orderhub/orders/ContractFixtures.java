package io.orderhub.orders;

import java.math.BigDecimal;
import java.util.UUID;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** Contract bodies as an operator sends them, and orders on account under them. */
public final class ContractFixtures {

    private ContractFixtures() {}

    /** The example contract of channel {@code b2b}: 30 days net, 2 % in 10 days, 5000.00 EUR. */
    public static ObjectNode praxisNord() {
        return (ObjectNode) OrderApi.json().readTree("""
                {"channel": "b2b",
                 "customer": {"company": "Praxis Nord GmbH", "vat_id": "DE123456789",
                   "email": "buchhaltung@praxis-nord.example",
                   "address": {"line1": "Hafenstr. 1", "postal_code": "20457", "city": "Hamburg", "country": "DE"},
                   "buyer_reference": "04011000-12345-67"},
                 "payment_terms": {"net_days": 30, "discount_percent": 2, "discount_days": 10},
                 "credit_limit": {"amount": 5000.00, "currency": "EUR"}}
                """);
    }

    /** The example contract with another credit limit in EUR. */
    public static ObjectNode withLimit(String amount) {
        ObjectNode contract = praxisNord();
        ((ObjectNode) contract.get("credit_limit")).put("amount", new BigDecimal(amount));
        return contract;
    }

    /** The example contract agreeing gloves (HANDSCHUH-M-100) at the given price and disinfectant at 6.40 EUR. */
    public static ObjectNode withAgreedPrices(String glovePrice) {
        ObjectNode contract = praxisNord();
        ArrayNode prices = contract.putArray("agreed_prices");
        prices.addObject().put("sku", "HANDSCHUH-M-100").put("unit_price", new BigDecimal(glovePrice));
        prices.addObject().put("sku", "DESINFEKTION-1L").put("unit_price", new BigDecimal("6.40"));
        return contract;
    }

    /** Creates the contract with the admin API and answers its id, failing unless the answer is 201. */
    public static UUID create(OrderApi admin, ObjectNode contract) {
        OrderApi.Answer created = admin.post("/api/v1/contracts", contract.toString());
        if (created.status() != 201) {
            throw new AssertionError("Expected 201, got " + created.status() + ": " + created.text());
        }
        return UUID.fromString(created.data().get("id").asString());
    }

    /** An order of channel {@code b2b} on account under the contract: one line, grand total as given. */
    public static ObjectNode onAccount(UUID contract, String grandTotal) {
        ObjectNode order = OrderFixtures.minimalOrder("b2b");
        order.put("contract_id", contract.toString());
        order.put("payment_method", "invoice");
        ((ObjectNode) order.get("items").get(0)).put("price", new BigDecimal(grandTotal));
        return order;
    }
}
