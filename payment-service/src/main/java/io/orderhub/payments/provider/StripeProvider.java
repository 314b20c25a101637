package io.orderhub.payments.provider;

import com.stripe.StripeClient;
import com.stripe.exception.ApiConnectionException;
import com.stripe.exception.InvalidRequestException;
import com.stripe.exception.StripeException;
import com.stripe.model.PaymentIntent;
import com.stripe.net.RequestOptions;
import com.stripe.param.PaymentIntentCreateParams;
import com.stripe.param.PaymentIntentSearchParams;
import com.stripe.param.RefundCreateParams;
import com.stripe.param.RefundListParams;
import com.stripe.param.terminal.ConnectionTokenCreateParams;
import io.orderhub.payments.payment.Payment;
import io.orderhub.payments.payment.PaymentStatus;
import io.orderhub.payments.payment.Refund;
import io.orderhub.payments.payment.RefundStatus;
import java.net.SocketTimeoutException;
import java.net.http.HttpTimeoutException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Stripe through stripe-java's {@link StripeClient}: PaymentIntents in minor units and lower-case currency,
 * tagged with the hub's ids in metadata; the hub's payment or refund id is Stripe's Idempotency-Key, so a call
 * repeated after a timeout or a crash returns the same object instead of a second one. A {@code card_present}
 * payment is a Terminal PaymentIntent ({@code payment_method_types[]=card_present}) that a POS collects with its
 * reader, and it has Terminal connection tokens for that reader.
 */
@Component
class StripeProvider implements PaymentProvider, ConnectionTokens {

    static final String PAYMENT_ID = "orderhub_payment_id";
    static final String ORDER_ID = "orderhub_order_id";
    static final String REFUND_ID = "orderhub_refund_id";
    static final String CARD_PRESENT = "card_present";

    private final StripeClient stripe;
    private final JsonMapper json;

    StripeProvider(StripeClient stripe, JsonMapper json) {
        this.stripe = stripe;
        this.json = json;
    }

    /** The one Stripe client of the service, for payments, their books and payouts alike. */
    static StripeClient client(ProviderSettings settings) {
        ProviderSettings.Stripe config = settings.stripe();
        StripeClient.StripeClientBuilder builder = StripeClient.builder()
                .setApiKey(
                        config == null
                                        || config.apiKey() == null
                                        || config.apiKey().isBlank()
                                ? "sk_unconfigured"
                                : config.apiKey())
                .setConnectTimeout((int) settings.connectTimeout().toMillis())
                .setReadTimeout((int) settings.readTimeout().toMillis())
                // Safe to repeat: every POST carries the hub's id as its Idempotency-Key.
                .setMaxNetworkRetries(1);
        if (config != null && config.apiBase() != null && !config.apiBase().isBlank()) {
            builder.setApiBase(config.apiBase());
        }
        return builder.build();
    }

    @Override
    public String name() {
        return "stripe";
    }

    @Override
    public Created create(Payment payment) {
        boolean cardPresent = CARD_PRESENT.equals(payment.method());
        PaymentIntentCreateParams.Builder params = PaymentIntentCreateParams.builder()
                .setAmount(payment.amount().toMinorUnits())
                .setCurrency(payment.currency().code().toLowerCase(Locale.ROOT))
                .putMetadata(PAYMENT_ID, payment.id().toString())
                .putMetadata(ORDER_ID, payment.orderId().toString());
        if (cardPresent) {
            // Captured as soon as the reader's authorisation succeeds: the hub never captures, so a manual
            // capture (the old hub's choice) would leave the money uncollected and the authorisation lapsing.
            params.addPaymentMethodType(CARD_PRESENT)
                    .setCaptureMethod(PaymentIntentCreateParams.CaptureMethod.AUTOMATIC);
        }
        PaymentIntent intent = call(() -> stripe.v1()
                .paymentIntents()
                .create(params.build(), idempotencyKey(payment.id().toString())));
        String nextAction = json.writeValueAsString(Map.of(
                "type",
                cardPresent ? "stripe_terminal" : "stripe_client_secret",
                "client_secret",
                intent.getClientSecret()));
        return new Created(intent.getId(), nextAction, status(intent));
    }

    @Override
    public ConnectionToken create(String location) {
        ConnectionTokenCreateParams.Builder params = ConnectionTokenCreateParams.builder();
        if (location != null) {
            params.setLocation(location);
        }
        com.stripe.model.terminal.ConnectionToken token =
                call(() -> stripe.v1().terminal().connectionTokens().create(params.build()));
        return new ConnectionToken(token.getSecret(), token.getLocation());
    }

    @Override
    public Optional<ProviderState> find(Payment payment) {
        if (payment.providerReference() != null) {
            PaymentIntent intent = call(() -> stripe.v1().paymentIntents().retrieve(payment.providerReference()));
            return Optional.of(state(intent));
        }
        // Stripe's search sees metadata within about a minute; the repair job asks much later than that.
        PaymentIntentSearchParams search = PaymentIntentSearchParams.builder()
                .setQuery("metadata['" + PAYMENT_ID + "']:'" + payment.id() + "'")
                .setLimit(1L)
                .build();
        return call(() -> stripe.v1().paymentIntents().search(search)).getData().stream()
                .findFirst()
                .map(this::state);
    }

    @Override
    public ProviderState cancel(Payment payment) {
        try {
            return state(stripe.v1().paymentIntents().cancel(payment.providerReference()));
        } catch (InvalidRequestException e) {
            // Not cancellable any more (it succeeded or is processing): report where it really is.
            return state(call(() -> stripe.v1().paymentIntents().retrieve(payment.providerReference())));
        } catch (StripeException e) {
            throw failure(e);
        }
    }

    @Override
    public RefundState refund(Payment payment, Refund refund) {
        RefundCreateParams params = RefundCreateParams.builder()
                .setPaymentIntent(payment.providerReference())
                .setAmount(refund.amount().toMinorUnits())
                .putMetadata(REFUND_ID, refund.id().toString())
                .putMetadata(PAYMENT_ID, payment.id().toString())
                .build();
        com.stripe.model.Refund created = call(() ->
                stripe.v1().refunds().create(params, idempotencyKey(refund.id().toString())));
        return new RefundState(created.getId(), refundStatus(created.getStatus()));
    }

    @Override
    public Optional<RefundState> findRefund(Payment payment, Refund refund) {
        if (refund.providerReference() != null) {
            com.stripe.model.Refund found = call(() -> stripe.v1().refunds().retrieve(refund.providerReference()));
            return Optional.of(new RefundState(found.getId(), refundStatus(found.getStatus())));
        }
        RefundListParams list = RefundListParams.builder()
                .setPaymentIntent(payment.providerReference())
                .setLimit(100L)
                .build();
        return call(() -> stripe.v1().refunds().list(list)).getData().stream()
                .filter(r -> r.getMetadata() != null
                        && refund.id().toString().equals(r.getMetadata().get(REFUND_ID)))
                .findFirst()
                .map(r -> new RefundState(r.getId(), refundStatus(r.getStatus())));
    }

    private ProviderState state(PaymentIntent intent) {
        return new ProviderState(status(intent), intent.getId(), "stripe PaymentIntent " + intent.getStatus());
    }

    /** Stripe's PaymentIntent statuses on the hub's table. */
    static PaymentStatus status(PaymentIntent intent) {
        return switch (String.valueOf(intent.getStatus())) {
            case "succeeded" -> PaymentStatus.SUCCEEDED;
            case "processing", "requires_capture" -> PaymentStatus.PROCESSING;
            case "requires_action" -> PaymentStatus.REQUIRES_ACTION;
            case "canceled" -> PaymentStatus.CANCELLED;
            // A failed attempt sends the intent back to requires_payment_method with the error attached.
            case "requires_payment_method" ->
                intent.getLastPaymentError() != null ? PaymentStatus.FAILED : PaymentStatus.PENDING;
            default -> PaymentStatus.PENDING;
        };
    }

    static RefundStatus refundStatus(String status) {
        return switch (String.valueOf(status)) {
            case "succeeded" -> RefundStatus.SUCCEEDED;
            case "failed" -> RefundStatus.FAILED;
            case "canceled" -> RefundStatus.CANCELLED;
            default -> RefundStatus.PENDING;
        };
    }

    private static RequestOptions idempotencyKey(String key) {
        return RequestOptions.builder().setIdempotencyKey(key).build();
    }

    interface StripeCall<T> {
        T run() throws StripeException;
    }

    static <T> T call(StripeCall<T> call) {
        try {
            return call.run();
        } catch (StripeException e) {
            throw failure(e);
        }
    }

    private static ProviderFailure failure(StripeException e) {
        if (e instanceof ApiConnectionException
                && (e.getCause() instanceof SocketTimeoutException || e.getCause() instanceof HttpTimeoutException)) {
            return new ProviderFailure(ProviderFailure.Kind.TIMEOUT, "Stripe did not answer in time", e);
        }
        Integer status = e.getStatusCode();
        if (status != null && status == 429) {
            // Stripe sends no Retry-After: the caller backs off on its own schedule.
            return ProviderFailure.rateLimited("Stripe rate limit (HTTP 429)", null, e);
        }
        if (e instanceof InvalidRequestException
                && status != null
                && status >= 400
                && status < 500
                && status != 429
                && status != 401
                && status != 403) {
            return new ProviderFailure(
                    ProviderFailure.Kind.REFUSED, "Stripe refused the request: " + e.getUserMessage(), e);
        }
        return new ProviderFailure(
                ProviderFailure.Kind.UNAVAILABLE,
                "Stripe failed" + (status == null ? "" : " (HTTP " + status + ")"),
                e);
    }
}
