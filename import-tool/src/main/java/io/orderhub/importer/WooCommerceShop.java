package io.orderhub.importer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * The shop's own record of an order, through WooCommerce's REST API ({@code GET /wp-json/wc/v3/orders/{id}},
 * consumer key and secret as in the callbacks' REST mode): where the old hub lost an order's totals, the shop
 * still has them.
 */
final class WooCommerceShop {

    /** An order as the shop has it: line totals and taxes as WooCommerce computed them. */
    record ShopOrder(
            String currency,
            List<ShopItem> items,
            BigDecimal taxTotal,
            BigDecimal shippingTotal,
            BigDecimal discountTotal,
            BigDecimal total) {}

    record ShopItem(String name, String sku, String productId, int quantity, BigDecimal total, BigDecimal tax) {}

    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI base;
    private final String authorization;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    WooCommerceShop(String url, String consumerKey, String consumerSecret) {
        this.base = URI.create(url.endsWith("/") ? url : url + "/");
        this.authorization = "Basic "
                + Base64.getEncoder()
                        .encodeToString((consumerKey + ":" + consumerSecret).getBytes(StandardCharsets.UTF_8));
    }

    /** The shop's order, or empty when the shop does not have it (or cannot say): the caller reports why. */
    Optional<ShopOrder> order(String orderId) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(
                        base.resolve("wp-json/wc/v3/orders/" + URLEncoder.encode(orderId, StandardCharsets.UTF_8)))
                .header("Authorization", authorization)
                .header("Accept", "application/json")
                .timeout(Duration.ofSeconds(30))
                .GET()
                .build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            return Optional.empty();
        }
        JsonNode order = JSON.readTree(response.body());
        List<ShopItem> items = new ArrayList<>();
        for (JsonNode line : order.path("line_items")) {
            items.add(new ShopItem(
                    line.path("name").asText(),
                    blankToNull(line.path("sku").asText(null)),
                    line.hasNonNull("product_id") ? line.get("product_id").asText() : null,
                    line.path("quantity").asInt(),
                    new BigDecimal(line.path("total").asText("0")),
                    new BigDecimal(line.path("total_tax").asText("0"))));
        }
        return Optional.of(new ShopOrder(
                order.path("currency").asText(),
                items,
                new BigDecimal(order.path("total_tax").asText("0")),
                new BigDecimal(order.path("shipping_total").asText("0")),
                new BigDecimal(order.path("discount_total").asText("0")),
                new BigDecimal(order.path("total").asText("0"))));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
