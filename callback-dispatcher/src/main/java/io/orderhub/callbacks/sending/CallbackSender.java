package io.orderhub.callbacks.sending;

import io.orderhub.callbacks.endpoint.Endpoint;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import org.springframework.stereotype.Component;

/** Sends one attempt of a delivery in its endpoint's format. */
@Component
public class CallbackSender {

    static final MediaType JSON = MediaType.get("application/json");
    static final String USER_AGENT = "OrderHub-Callbacks/1";

    private final CallbackHttpClient http;
    private final WooCommerceRequests wooCommerce;
    private final Clock clock;

    CallbackSender(CallbackHttpClient http, WooCommerceRequests wooCommerce, Clock clock) {
        this.http = http;
        this.wooCommerce = wooCommerce;
        this.clock = clock;
    }

    /**
     * @param deliveryId the {@code webhook-id}: the same on every attempt, so receivers can drop repeats
     * @param payload the hub-format body, exactly as stored when the delivery was created
     */
    public SendResult send(Endpoint endpoint, UUID deliveryId, String payload) {
        Optional<String> misconfiguration = endpoint.misconfiguration();
        if (misconfiguration.isPresent()) {
            return SendResult.refused(misconfiguration.get(), endpoint.url());
        }
        HttpUrl url = HttpUrl.parse(endpoint.url());
        if (url == null) {
            return SendResult.refused("not an http(s) URL", endpoint.url());
        }
        return switch (endpoint.format()) {
            case HUB -> http.execute(hubRequest(endpoint, url, deliveryId, payload));
            case WOOCOMMERCE_REST -> sendAll(wooCommerce.requests(endpoint, url, payload));
        };
    }

    private Request hubRequest(Endpoint endpoint, HttpUrl url, UUID deliveryId, String payload) {
        byte[] body = payload.getBytes(StandardCharsets.UTF_8);
        String id = deliveryId.toString();
        long timestamp = clock.instant().getEpochSecond();
        return new Request.Builder()
                .url(url)
                .header("User-Agent", USER_AGENT)
                .header(HubSignatures.ORDER_HUB_SIGNATURE, HubSignatures.orderHubSignature(endpoint.secret(), body))
                .header(HubSignatures.WEBHOOK_ID, id)
                .header(HubSignatures.WEBHOOK_TIMESTAMP, Long.toString(timestamp))
                .header(
                        HubSignatures.WEBHOOK_SIGNATURE,
                        HubSignatures.standardWebhooksSignature(endpoint.secret(), id, timestamp, body))
                .post(RequestBody.create(body, JSON))
                .build();
    }

    /** The requests of one attempt in order; the first that does not succeed ends the attempt. */
    private SendResult sendAll(List<Request> requests) {
        SendResult last = null;
        long latency = 0;
        for (Request request : requests) {
            SendResult result = http.execute(request);
            latency += result.latencyMs();
            last = new SendResult(
                    result.outcome(),
                    result.responseCode(),
                    result.retryAfter(),
                    latency,
                    result.responseExcerpt(),
                    result.error(),
                    result.url());
            if (result.outcome() != SendResult.Outcome.DELIVERED) {
                return last;
            }
        }
        return last;
    }
}
