package io.orderhub.callbacks.sending;

import io.orderhub.callbacks.endpoint.Endpoint;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import okhttp3.Credentials;
import okhttp3.HttpUrl;
import okhttp3.Request;
import okhttp3.RequestBody;
import org.springframework.stereotype.Component;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.cfg.JsonNodeFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * A callback as WooCommerce's own REST API (wc/v3) takes it, for shops without the plugin: {@code PUT
 * /wp-json/wc/v3/orders/{id}} with the mapped status, and an order note ({@code POST .../notes}), both with
 * basic auth (consumer key and secret; WooCommerce accepts basic auth only over https).
 *
 * <p>The paid change also carries {@code set_paid: true} and {@code transaction_id} (the hub payment id).
 * WooCommerce sets the status first and then runs {@code payment_complete()} only if the order still needs
 * payment, so the transaction id and paid date are recorded either way and stock is reduced once.
 */
@Component
class WooCommerceRequests {

    /** Amounts are read as written (0.00 stays 0.00), for the note. */
    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(JsonNodeFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
            .build();

    List<Request> requests(Endpoint endpoint, HttpUrl base, String payload) {
        JsonNode change = JSON.readTree(payload);
        String sourceOrderId = change.path("source_order_id").asString();
        String status = change.path("status").asString();
        JsonNode payment = change.path("payment");
        HttpUrl order = base.newBuilder()
                .addPathSegments("wp-json/wc/v3/orders")
                .addPathSegment(sourceOrderId)
                .build();
        String credentials = Credentials.basic(endpoint.consumerKey(), endpoint.consumerSecret());

        List<Request> requests = new ArrayList<>();
        String mapped = mappedStatus(status);
        if (mapped != null) {
            Map<String, Object> update = new LinkedHashMap<>();
            update.put("status", mapped);
            if (isPaidChange(change)) {
                update.put("set_paid", true);
                if (payment.isObject()) {
                    update.put("transaction_id", payment.path("payment_id").asString());
                }
            }
            requests.add(request(order, credentials, "PUT", update));
        }
        Map<String, Object> note = new LinkedHashMap<>();
        note.put("note", note(change));
        note.put("customer_note", false);
        requests.add(request(order.newBuilder().addPathSegment("notes").build(), credentials, "POST", note));
        return requests;
    }

    /**
     * The contract's mapping. {@code pending} has none: an order is pending in WooCommerce already, and
     * setting it again could move a shop's {@code on-hold} or {@code failed} order; its payment updates
     * arrive as a note only.
     */
    static String mappedStatus(String hubStatus) {
        return switch (hubStatus) {
            case "paid", "confirmed", "processing", "shipped" -> "processing";
            case "delivered" -> "completed";
            case "cancelled" -> "cancelled";
            case "refunded" -> "refunded";
            default -> null;
        };
    }

    private static boolean isPaidChange(JsonNode change) {
        return "order.status_changed".equals(change.path("type").asString())
                && "paid".equals(change.path("status").asString());
    }

    private static String note(JsonNode change) {
        StringBuilder note = new StringBuilder("Order Hub: order ")
                .append(change.path("status").asString())
                .append(" (version ")
                .append(change.path("version").asString())
                .append("), paid ")
                .append(change.path("paid_amount").asString())
                .append(", refunded ")
                .append(change.path("refunded_amount").asString())
                .append('.');
        JsonNode payment = change.path("payment");
        if (payment.isObject()) {
            note.append(" Payment ")
                    .append(payment.path("payment_id").asString())
                    .append(" (")
                    .append(payment.path("provider").asString())
                    .append(") ")
                    .append(payment.path("status").asString())
                    .append(": ")
                    .append(payment.path("amount").asString())
                    .append(", refunded ")
                    .append(payment.path("refunded_amount").asString())
                    .append('.');
        }
        return note.toString();
    }

    private static Request request(HttpUrl url, String credentials, String method, Map<String, Object> body) {
        return new Request.Builder()
                .url(url)
                .header("Authorization", credentials)
                .header("User-Agent", CallbackSender.USER_AGENT)
                .method(method, RequestBody.create(JSON.writeValueAsBytes(body), CallbackSender.JSON))
                .build();
    }
}
