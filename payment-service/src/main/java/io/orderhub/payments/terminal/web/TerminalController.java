package io.orderhub.payments.terminal.web;

import io.orderhub.httpapi.apikey.ApiKey;
import io.orderhub.httpapi.apikey.RequiresScope;
import io.orderhub.httpapi.apikey.Scope;
import io.orderhub.httpapi.problem.ApiException;
import io.orderhub.httpapi.response.ApiResponse;
import io.orderhub.payments.payment.FindPayments;
import io.orderhub.payments.payment.InvalidRequest;
import io.orderhub.payments.payment.Payment;
import io.orderhub.payments.payment.web.Callers;
import io.orderhub.payments.provider.ConnectionTokens.ConnectionToken;
import io.orderhub.payments.terminal.TerminalPayments;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The old hub's Stripe Terminal endpoints with its field names: a connection token, a card-present payment for
 * what is open on an order, and the payment's status as the hub knows it (moved by Stripe's webhooks).
 */
@RestController
class TerminalController {

    /** How long the old hub told the POS a connection token lasts; Stripe does not say, the SDK asks again. */
    private static final Duration TOKEN_LIFETIME = Duration.ofMinutes(5);

    private final TerminalPayments terminal;
    private final FindPayments payments;
    private final JsonMapper json;
    private final Clock clock;

    TerminalController(TerminalPayments terminal, FindPayments payments, JsonMapper json, Clock clock) {
        this.terminal = terminal;
        this.payments = payments;
        this.json = json;
        this.clock = clock;
    }

    record TokenBody(String locationId, String location) {}

    record IntentBody(
            String orderId,
            BigDecimal amount,
            String currency,
            String locationId,
            String readerId,
            JsonNode metadata) {}

    @Operation(summary = "Create a Stripe Terminal connection token", description = """
                    A fresh connection token for the POS's Terminal SDK (`data.secret`), restricted to a Terminal \
                    location when `location_id` (the old hub's name) or `location` names one. `expires_at` is in \
                    milliseconds since the epoch, five minutes ahead, as the old hub sent it. Stripe refusing \
                    answers 422, failing 502, timing out 504.""")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(
            content =
                    @Content(
                            mediaType = "application/json",
                            schema = @Schema(implementation = TokenBody.class),
                            examples = @ExampleObject(value = TerminalExamples.TOKEN_REQUEST)))
    @io.swagger.v3.oas.annotations.responses.ApiResponse(
            responseCode = "200",
            description = "The connection token.",
            content =
                    @Content(
                            mediaType = "application/json",
                            examples = @ExampleObject(value = TerminalExamples.TOKEN_RESPONSE)))
    @RequiresScope(Scope.PAYMENTS_WRITE)
    @PostMapping("/api/v1/terminal/connection-token")
    ResponseEntity<?> connectionToken(@RequestBody(required = false) TokenBody body) {
        String location = location(body);
        ConnectionToken token = terminal.connectionToken(location);
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("secret", token.secret());
        data.put("location", token.location());
        data.put("expires_at", expiresAt());
        return ResponseEntity.ok(ApiResponse.of(data));
    }

    @Operation(summary = "Create a card-present payment for a Stripe Terminal reader", description = """
                    A Stripe PaymentIntent with `payment_method_types=[card_present]`, captured automatically, \
                    for what is open on the order, and a hub payment (provider `stripe`, method \
                    `card_present`) that Stripe's webhooks move like any other. `amount` and `currency` are \
                    optional; when sent they must be the open amount and the order's currency (422 otherwise: \
                    the POS never sets the price). `location_id`, `reader_id` and `metadata` are kept in the \
                    payment's metadata. An order the hub has not seen yet answers 503 with `Retry-After`. With \
                    the same Idempotency-Key the same answer comes back.""")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(
            required = true,
            content =
                    @Content(
                            mediaType = "application/json",
                            schema = @Schema(implementation = IntentBody.class),
                            examples = @ExampleObject(value = TerminalExamples.INTENT_REQUEST)))
    @io.swagger.v3.oas.annotations.responses.ApiResponse(
            responseCode = "201",
            description = "The payment the reader collects, with a connection token.",
            content =
                    @Content(
                            mediaType = "application/json",
                            examples = @ExampleObject(value = TerminalExamples.INTENT_RESPONSE)))
    @io.swagger.v3.oas.annotations.responses.ApiResponse(
            responseCode = "502",
            description = "Stripe failed; nothing is half-done, a retry drives the payment again.")
    @io.swagger.v3.oas.annotations.responses.ApiResponse(
            responseCode = "504",
            description = "Stripe timed out; the repair job settles the payment, a retry drives it again.")
    @RequiresScope(Scope.PAYMENTS_WRITE)
    @PostMapping("/api/v1/terminal/payment-intent")
    ResponseEntity<?> paymentIntent(
            @RequestBody IntentBody body,
            ApiKey caller,
            @RequestHeader(value = "Idempotency-Key", required = false) String idempotencyKey) {
        TerminalPayments.Started started = terminal.start(
                body.orderId(),
                body.amount(),
                body.currency(),
                body.locationId(),
                body.readerId(),
                metadata(body),
                Callers.of(caller),
                idempotencyKey);
        Payment payment = started.payment();
        JsonNode nextAction = payment.nextActionJson() == null ? null : json.readTree(payment.nextActionJson());
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("payment_id", payment.id());
        data.put("payment_intent_id", payment.providerReference());
        data.put(
                "client_secret",
                nextAction == null ? null : nextAction.path("client_secret").asString(null));
        data.put("connection_token", started.token().secret());
        data.put("expires_at", expiresAt());
        data.put("order_id", payment.orderId());
        data.put("status", payment.status().wireName());
        data.put("amount", payment.amount().amount());
        data.put("currency", payment.currency().code());
        return ResponseEntity.status(started.created() ? HttpStatus.CREATED : HttpStatus.OK)
                .body(ApiResponse.of(data));
    }

    @Operation(summary = "A Terminal payment's status", description = """
                    The payment as the hub knows it: `status` is the hub's payment status (`pending`, \
                    `processing`, `requires_action`, `succeeded`, `failed`, `cancelled`, ...), moved by Stripe's \
                    signed webhooks; `amount` in major units. Another channel's payment, or none, is 404.""")
    @io.swagger.v3.oas.annotations.responses.ApiResponse(
            responseCode = "200",
            description = "The status.",
            content =
                    @Content(
                            mediaType = "application/json",
                            examples = @ExampleObject(value = TerminalExamples.STATUS_RESPONSE)))
    @RequiresScope(Scope.PAYMENTS_READ)
    @GetMapping("/api/v1/terminal/payment/{paymentId}/status")
    ResponseEntity<?> status(@PathVariable UUID paymentId, ApiKey caller) {
        Payment payment = payments.byId(paymentId, Callers.of(caller))
                .orElseThrow(() -> ApiException.notFound("No such payment"));
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("payment_id", payment.id());
        data.put("payment_intent_id", payment.providerReference());
        data.put("status", payment.status().wireName());
        data.put("amount", payment.amount().amount());
        data.put("currency", payment.currency().code());
        data.put("method", payment.method());
        data.put("order_id", payment.orderId());
        return ResponseEntity.ok(ApiResponse.of(data));
    }

    private static String location(TokenBody body) {
        if (body == null) {
            return null;
        }
        if (body.locationId() != null
                && body.location() != null
                && !body.locationId().equals(body.location())) {
            throw new InvalidRequest("location", "names another location than location_id; send one of them");
        }
        return body.locationId() != null ? body.locationId() : body.location();
    }

    /** The POS's metadata object with the Terminal location and reader under the old hub's names. */
    private String metadata(IntentBody body) {
        JsonNode sent = body.metadata();
        if (sent != null && !sent.isNull() && !sent.isObject()) {
            throw new InvalidRequest("metadata", "must be an object");
        }
        ObjectNode metadata = sent == null || sent.isNull() ? json.createObjectNode() : ((ObjectNode) sent).deepCopy();
        if (body.locationId() != null) {
            metadata.put("terminal_location_id", body.locationId());
        }
        if (body.readerId() != null) {
            metadata.put("terminal_reader_id", body.readerId());
        }
        return metadata.isEmpty() ? null : json.writeValueAsString(metadata);
    }

    private long expiresAt() {
        return clock.instant().plus(TOKEN_LIFETIME).toEpochMilli();
    }
}
