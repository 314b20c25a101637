package io.orderhub.payments.provider;

import io.orderhub.payments.payment.Payment;
import io.orderhub.payments.payment.PaymentStatus;
import io.orderhub.payments.payment.Refund;
import io.orderhub.payments.payment.RefundStatus;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.StreamSupport;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * BTCPay Server through its Greenfield API ({@code Authorization: token ...}). Hand-written on the JDK's HTTP
 * client: BTCPay publishes no Java client, and the hub needs five calls. Invoices carry the hub's ids in their
 * metadata ({@code orderId} = the hub order, so BTCPay's own search finds them); a refund is BTCPay's invoice
 * refund, a pull payment named after the hub's refund, which counts once its payout completes.
 */
@Component
class BtcpayProvider implements PaymentProvider {

    private final ProviderSettings settings;
    private final JsonMapper json;
    private final HttpClient http;

    BtcpayProvider(ProviderSettings settings, JsonMapper json) {
        this.settings = settings;
        this.json = json;
        this.http = HttpClient.newBuilder()
                .connectTimeout(settings.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    @Override
    public String name() {
        return "btcpay";
    }

    @Override
    public Created create(Payment payment) {
        // Invoice creation is not idempotent at BTCPay: a re-driven creation first looks for the invoice.
        if (payment.providerReference() == null) {
            Optional<JsonNode> existing = findInvoice(payment);
            if (existing.isPresent()) {
                return created(existing.get());
            }
        }
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("orderId", payment.orderId().toString());
        metadata.put(StripeProvider.PAYMENT_ID, payment.id().toString());
        metadata.put(StripeProvider.ORDER_ID, payment.orderId().toString());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("amount", payment.amount().amount().toPlainString());
        body.put("currency", payment.currency().code());
        body.put("metadata", metadata);
        if (payment.returnUrl() != null) {
            body.put("checkout", Map.of("redirectURL", payment.returnUrl()));
        }
        return created(send("POST", store("/invoices"), body));
    }

    private Created created(JsonNode invoice) {
        String nextAction = json.writeValueAsString(
                Map.of("type", "redirect", "url", invoice.path("checkoutLink").asString("")));
        return new Created(
                invoice.path("id").asString(), nextAction, state(invoice, false).status());
    }

    @Override
    public Optional<ProviderState> find(Payment payment) {
        if (payment.providerReference() != null) {
            return Optional.of(state(
                    send("GET", store("/invoices/" + encode(payment.providerReference())), null), false));
        }
        return findInvoice(payment).map(invoice -> state(invoice, false));
    }

    private Optional<JsonNode> findInvoice(Payment payment) {
        JsonNode invoices = send(
                "GET", store("/invoices?orderId=" + encode(payment.orderId().toString())), null);
        return StreamSupport.stream(invoices.spliterator(), false)
                .filter(invoice -> payment.id()
                        .toString()
                        .equals(invoice.path("metadata")
                                .path(StripeProvider.PAYMENT_ID)
                                .asString("")))
                .findFirst();
    }

    @Override
    public ProviderState cancel(Payment payment) {
        String path = store("/invoices/" + encode(payment.providerReference()));
        try {
            return state(send("POST", path + "/status", Map.of("status", "Invalid")), true);
        } catch (ProviderFailure e) {
            if (e.kind() != ProviderFailure.Kind.REFUSED) {
                throw e;
            }
            // BTCPay refuses to invalidate an invoice that was paid meanwhile: report where it really is.
            return state(send("GET", path, null), true);
        }
    }

    @Override
    public RefundState refund(Payment payment, Refund refund) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", BtcpayRefunds.name(refund.id()));
        body.put("description", BtcpayRefunds.description(refund.id(), payment.id()));
        body.put("refundVariant", "Custom");
        body.put("customAmount", refund.amount().amount().toPlainString());
        body.put("customCurrency", payment.currency().code());
        JsonNode pullPayment =
                send("POST", store("/invoices/" + encode(payment.providerReference()) + "/refund"), body);
        return new RefundState(pullPayment.path("id").asString(), RefundStatus.PENDING);
    }

    @Override
    public Optional<RefundState> findRefund(Payment payment, Refund refund) {
        String pullPaymentId = refund.providerReference();
        if (pullPaymentId == null) {
            JsonNode pullPayments = send("GET", store("/pull-payments?includeArchived=true"), null);
            Optional<String> found = StreamSupport.stream(pullPayments.spliterator(), false)
                    .filter(pp -> BtcpayRefunds.name(refund.id())
                            .equals(pp.path("name").asString("")))
                    .map(pp -> pp.path("id").asString())
                    .findFirst();
            if (found.isEmpty()) {
                return Optional.empty();
            }
            pullPaymentId = found.get();
        }
        JsonNode payouts = send("GET", "/api/v1/pull-payments/" + encode(pullPaymentId) + "/payouts", null);
        boolean completed = StreamSupport.stream(payouts.spliterator(), false)
                .anyMatch(payout -> "Completed".equals(payout.path("state").asString("")));
        return Optional.of(new RefundState(pullPaymentId, completed ? RefundStatus.SUCCEEDED : RefundStatus.PENDING));
    }

    /**
     * BTCPay's invoice states on the hub's table. A late payment leaves the invoice Expired with
     * additionalStatus PaidLate: money that arrived, so it counts. Invalid is a cancellation when the hub asked
     * for it, else a failure.
     */
    static ProviderState state(JsonNode invoice, boolean invalidatedByHub) {
        String id = invoice.path("id").asString();
        String status = invoice.path("status").asString("");
        String additional = invoice.path("additionalStatus").asString("None");
        String detail = "btcpay invoice " + status + (additional.equals("None") ? "" : " (" + additional + ")");
        return switch (status) {
            case "Settled" ->
                new ProviderState(
                        PaymentStatus.SUCCEEDED,
                        id,
                        "PaidOver".equals(additional) ? "overpaid at BTCPay" : null,
                        detail);
            case "Processing" -> new ProviderState(PaymentStatus.PROCESSING, id, detail);
            case "Expired" ->
                switch (additional) {
                    case "PaidLate" -> new ProviderState(PaymentStatus.SUCCEEDED, id, detail);
                    case "PaidPartial" ->
                        new ProviderState(
                                PaymentStatus.EXPIRED, id, "partially paid before the invoice expired", detail);
                    default -> new ProviderState(PaymentStatus.EXPIRED, id, detail);
                };
            case "Invalid" ->
                new ProviderState(invalidatedByHub ? PaymentStatus.CANCELLED : PaymentStatus.FAILED, id, detail);
            default -> new ProviderState(PaymentStatus.PENDING, id, detail);
        };
    }

    String store(String path) {
        return "/api/v1/stores/" + encode(config().storeId()) + path;
    }

    private ProviderSettings.Btcpay config() {
        ProviderSettings.Btcpay config = settings.btcpay();
        if (config == null || config.url() == null || config.url().isBlank()) {
            throw new ProviderFailure(ProviderFailure.Kind.UNAVAILABLE, "BTCPay is not configured (BTCPAY_URL)");
        }
        return config;
    }

    JsonNode send(String method, String path, Object body) {
        ProviderSettings.Btcpay config = config();
        String base = config.url().endsWith("/")
                ? config.url().substring(0, config.url().length() - 1)
                : config.url();
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .timeout(settings.readTimeout())
                .header("Authorization", "token " + config.apiKey())
                .header("Accept", "application/json");
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)));
        }
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (HttpTimeoutException e) {
            throw new ProviderFailure(ProviderFailure.Kind.TIMEOUT, "BTCPay did not answer in time", e);
        } catch (IOException e) {
            throw new ProviderFailure(ProviderFailure.Kind.UNAVAILABLE, "BTCPay could not be reached", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProviderFailure(ProviderFailure.Kind.UNAVAILABLE, "Interrupted while calling BTCPay", e);
        }
        int status = response.statusCode();
        if (status >= 200 && status < 300) {
            return json.readTree(response.body().isEmpty() ? "{}" : response.body());
        }
        if (status == 429) {
            throw ProviderFailure.rateLimited(
                    "BTCPay rate limit (HTTP 429)", retryAfter(response).orElse(null), null);
        }
        if (status == 400 || status == 404 || status == 422) {
            throw new ProviderFailure(
                    ProviderFailure.Kind.REFUSED,
                    "BTCPay refused the request (HTTP " + status + ")" + problem(response));
        }
        throw new ProviderFailure(ProviderFailure.Kind.UNAVAILABLE, "BTCPay failed (HTTP " + status + ")");
    }

    /** Retry-After in seconds (BTCPay's rate limiter sends seconds; an HTTP date is read as no advice). */
    private static Optional<Duration> retryAfter(HttpResponse<String> response) {
        return response.headers().firstValue("Retry-After").flatMap(value -> {
            try {
                return Optional.of(Duration.ofSeconds(Long.parseLong(value.trim())));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        });
    }

    /** BTCPay's own error text (Greenfield errors carry {@code code} and {@code message}; validation a list). */
    private String problem(HttpResponse<String> response) {
        try {
            JsonNode body = json.readTree(response.body());
            JsonNode first = body.isArray() && !body.isEmpty() ? body.get(0) : body;
            String message = first.path("message").asString("");
            return message.isBlank() ? "" : ": " + message;
        } catch (RuntimeException e) {
            return "";
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
