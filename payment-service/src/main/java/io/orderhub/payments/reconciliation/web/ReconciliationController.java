package io.orderhub.payments.reconciliation.web;

import io.orderhub.httpapi.apikey.ApiKey;
import io.orderhub.httpapi.apikey.RequiresAdmin;
import io.orderhub.httpapi.response.ApiResponse;
import io.orderhub.httpapi.response.Cursor;
import io.orderhub.money.CurrencyCode;
import io.orderhub.payments.reconciliation.FindRuns;
import io.orderhub.payments.reconciliation.Mismatch;
import io.orderhub.payments.reconciliation.ReconciliationRun;
import io.orderhub.payments.reconciliation.RunRequest;
import io.orderhub.payments.reconciliation.StartReconciliation;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Reconciliation runs for admin keys: start one (202, carried out asynchronously), read one with its counts and
 * mismatches (JSON, or one CSV line per mismatch), list them newest first. Any other key gets 403.
 */
@RestController
class ReconciliationController {

    private final StartReconciliation start;
    private final FindRuns runs;

    ReconciliationController(StartReconciliation start, FindRuns runs) {
        this.start = start;
        this.runs = runs;
    }

    record RunBody(String provider, String from, String to) {}

    @Operation(summary = "Start a reconciliation run", description = """
                    Compares one provider's books (`stripe`: the PaymentIntents created in the window and their \
                    refunds; `btcpay`: the store's invoices and their refunds, BTCPay's pull payments and \
                    payouts) over `[from, to)` with the hub's payments. Answers 202 \
                    with the run (`status` `running`); it is carried out asynchronously: read it with GET until \
                    `status` is `completed` or `failed`. The window is at most 31 days, `from` before `to` and not \
                    in the future; `provider` must be one the hub is configured for (422 otherwise). A payment \
                    that succeeded at the provider while the hub still waits is applied as the provider's webhook \
                    would be (history reason `reconciliation`, once), and so is a pending BTCPay refund of the hub \
                    whose payout BTCPay completed for its whole amount; everything else is only reported. Admin \
                    keys only.""")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(
            required = true,
            content =
                    @Content(
                            mediaType = "application/json",
                            schema = @Schema(implementation = RunBody.class),
                            examples = @ExampleObject(value = ReconciliationExamples.RUN_REQUEST)))
    @io.swagger.v3.oas.annotations.responses.ApiResponse(
            responseCode = "202",
            description = "The run, started.",
            content =
                    @Content(
                            mediaType = "application/json",
                            examples = @ExampleObject(value = ReconciliationExamples.RUN_STARTED)))
    @RequiresAdmin
    @PostMapping("/api/v1/reconciliation/runs")
    ResponseEntity<?> create(@RequestBody RunBody body, ApiKey caller) {
        RunRequest request = RunRequest.of(
                body == null ? null : body.provider(),
                body == null ? null : body.from(),
                body == null ? null : body.to(),
                start.providers(),
                start.now());
        ReconciliationRun run = start.start(request, caller.name());
        return ResponseEntity.status(HttpStatus.ACCEPTED)
                .header("Location", "/api/v1/reconciliation/runs/" + run.id())
                .body(ApiResponse.of(json(run, true)));
    }

    @Operation(summary = "Read a reconciliation run", description = """
                    The run's status, how many payments each side had, `counts` per mismatch kind, `unresolved` \
                    (mismatches left to a person) and `mismatches[]`: `kind`, `provider_reference`, `payment_id` \
                    (null for a payment the hub does not know), both sides' status, amount, currency and \
                    `refunded` (what each side counts as refunded; null where a side does not say), and \
                    `resolution` (`applied` or `reported`).""")
    @io.swagger.v3.oas.annotations.responses.ApiResponse(
            responseCode = "200",
            description = "The run with its mismatches.",
            content =
                    @Content(
                            mediaType = "application/json",
                            examples = @ExampleObject(value = ReconciliationExamples.RUN_COMPLETED)))
    @RequiresAdmin
    @GetMapping("/api/v1/reconciliation/runs/{id}")
    ResponseEntity<?> one(@PathVariable UUID id) {
        return ResponseEntity.ok(ApiResponse.of(json(runs.byId(id), true)));
    }

    @Operation(summary = "A reconciliation run's mismatches as CSV", description = """
                    One line per mismatch after a header line (RFC 4180 quoting), the columns of `mismatches[]` \
                    with the run's id and provider, for a spreadsheet; `hub_refunded` and `provider_refunded` come \
                    last.""")
    @io.swagger.v3.oas.annotations.responses.ApiResponse(
            responseCode = "200",
            description = "The mismatches.",
            content = @Content(mediaType = "text/csv", schema = @Schema(type = "string")))
    @RequiresAdmin
    @GetMapping(value = "/api/v1/reconciliation/runs/{id}/report.csv", produces = "text/csv")
    ResponseEntity<String> csv(@PathVariable UUID id) {
        ReconciliationRun run = runs.byId(id);
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
                .header("Content-Disposition", "attachment; filename=\"reconciliation-" + run.id() + ".csv\"")
                .body(MismatchCsv.of(run));
    }

    @Operation(summary = "List reconciliation runs", description = """
                    Newest first, without their mismatches; `limit` 1 to 200 (default 50), `next_cursor` for the \
                    next page.""")
    @RequiresAdmin
    @GetMapping("/api/v1/reconciliation/runs")
    ResponseEntity<?> list(
            @RequestParam(required = false) Integer limit, @RequestParam(required = false) String cursor) {
        int size = Cursor.limit(limit);
        Cursor before = Cursor.decode(cursor);
        Cursor.Page<ReconciliationRun> page = Cursor.Page.of(
                runs.list(before == null ? null : before.at(), before == null ? null : before.id(), size + 1),
                size,
                run -> new Cursor(run.createdAt(), run.id()));
        return ResponseEntity.ok(
                ApiResponse.page(page.items().stream().map(r -> json(r, false)).toList(), page.next()));
    }

    static Map<String, Object> json(ReconciliationRun run, boolean withMismatches) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", run.id());
        body.put("provider", run.provider());
        body.put("from", run.from().toString());
        body.put("to", run.to().toString());
        body.put("status", run.status().wireName());
        body.put("origin", run.origin().wireName());
        body.put("requested_by", run.requestedBy());
        body.put("created_at", run.createdAt().toString());
        body.put(
                "finished_at",
                run.finishedAt() == null ? null : run.finishedAt().toString());
        body.put("provider_payments", run.providerPayments());
        body.put("hub_payments", run.hubPayments());
        Map<String, Integer> counts = new LinkedHashMap<>();
        run.countsOfEveryKind().forEach((kind, count) -> counts.put(kind.wireName(), count));
        body.put("counts", counts);
        body.put("unresolved", run.unresolved());
        body.put("failure", run.failure());
        if (withMismatches) {
            body.put(
                    "mismatches",
                    run.mismatches().stream()
                            .map(ReconciliationController::json)
                            .toList());
        }
        return body;
    }

    private static Map<String, Object> json(Mismatch m) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("kind", m.kind().wireName());
        body.put("provider_reference", m.providerReference());
        body.put("payment_id", m.paymentId());
        body.put("hub", side(m.hubStatus(), m.hubAmount(), m.hubCurrency(), m.hubRefunded()));
        body.put("provider", side(m.providerStatus(), m.providerAmount(), m.providerCurrency(), m.providerRefunded()));
        body.put("resolution", m.resolution().wireName());
        body.put("detail", m.detail());
        return body;
    }

    private static Map<String, Object> side(String status, BigDecimal amount, String currency, BigDecimal refunded) {
        Map<String, Object> side = new LinkedHashMap<>();
        side.put("status", status);
        side.put("amount", scaled(amount, currency));
        side.put("currency", currency);
        side.put("refunded", scaled(refunded, currency));
        return side;
    }

    /** At the currency's scale, as the contract shows amounts; as it came when the currency has fewer digits. */
    static BigDecimal scaled(BigDecimal amount, String currency) {
        if (amount == null) {
            return null;
        }
        try {
            int digits = CurrencyCode.of(currency).fractionDigits();
            return amount.stripTrailingZeros().scale() <= digits ? amount.setScale(digits) : amount;
        } catch (RuntimeException e) {
            return amount;
        }
    }
}
