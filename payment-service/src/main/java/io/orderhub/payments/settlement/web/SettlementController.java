package io.orderhub.payments.settlement.web;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.orderhub.httpapi.apikey.RequiresAdmin;
import io.orderhub.httpapi.response.ApiResponse;
import io.orderhub.payments.settlement.SettlementReport;
import io.orderhub.payments.settlement.SettlementReport.Line;
import io.orderhub.payments.settlement.SettlementReport.PayoutReport;
import io.orderhub.payments.settlement.SettlementReport.Report;
import io.orderhub.payments.settlement.SettlementReport.Totals;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.dataformat.csv.CsvMapper;
import tools.jackson.dataformat.csv.CsvSchema;

/**
 * The settlement report for admin keys: Stripe's payouts arriving in {@code [from, to)} with what each contained,
 * as JSON, or as CSV (one line per transaction) with {@code Accept: text/csv} or the {@code .csv} path.
 */
@RestController
class SettlementController {

    private static final MediaType CSV_TYPE = new MediaType("text", "csv", StandardCharsets.UTF_8);
    private static final CsvMapper CSV = CsvMapper.builder().build();
    private static final CsvSchema SCHEMA = CSV.schemaFor(CsvLine.class).withHeader();

    private final SettlementReport settlements;

    SettlementController(SettlementReport settlements) {
        this.settlements = settlements;
    }

    @Operation(summary = "Stripe payouts in a window and what they contained", description = """
                    The payouts whose `arrival_date` falls in `[from, to)` (ISO instants, at most 31 days, `from` \
                    not in the future), each with its balance transactions (`charge`/`payment`, `refund`, fees, \
                    adjustments; the payout's own is left out), the hub payment behind each where the hub knows its \
                    PaymentIntent, and per currency `gross`, `fees`, `net` and how many payments and refunds; \
                    `totals` adds up the window. `Accept: text/csv` or `/api/v1/settlements.csv` answers CSV, one \
                    line per transaction. Admin keys only.""")
    @io.swagger.v3.oas.annotations.responses.ApiResponse(
            responseCode = "200",
            description = "The payouts with their transactions and totals.",
            content = {
                @Content(mediaType = "application/json", examples = @ExampleObject(value = SettlementExamples.REPORT)),
                @Content(mediaType = "text/csv", schema = @Schema(type = "string"))
            })
    @RequiresAdmin
    @GetMapping(value = {"/api/v1/settlements", "/api/v1/settlements.csv"})
    ResponseEntity<?> report(
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            @RequestHeader(value = "Accept", required = false) String accept,
            jakarta.servlet.http.HttpServletRequest request) {
        Report report = settlements.between(from, to);
        boolean csv = request.getRequestURI().endsWith(".csv")
                || (accept != null && accept.contains("text/csv") && !accept.contains("application/json"));
        if (csv) {
            return ResponseEntity.ok()
                    .contentType(CSV_TYPE)
                    .header(
                            "Content-Disposition",
                            "attachment; filename=\"settlement-" + report.from() + "-" + report.to() + ".csv\"")
                    .body(CSV.writer(SCHEMA).writeValueAsString(csvLines(report)));
        }
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(ApiResponse.of(json(report)));
    }

    private static Map<String, Object> json(Report report) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("from", report.from().toString());
        body.put("to", report.to().toString());
        body.put(
                "payouts",
                report.payouts().stream().map(SettlementController::json).toList());
        body.put(
                "totals",
                report.totals().stream().map(SettlementController::json).toList());
        return body;
    }

    private static Map<String, Object> json(PayoutReport report) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", report.payout().id());
        body.put("arrival_date", report.payout().arrivalDate().toString());
        body.put("status", report.payout().status());
        body.put("amount", report.payout().amount());
        body.put("currency", report.payout().currency());
        body.put(
                "transactions",
                report.lines().stream().map(SettlementController::json).toList());
        body.put(
                "totals",
                report.totals().stream().map(SettlementController::json).toList());
        return body;
    }

    private static Map<String, Object> json(Line line) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", line.transaction().id());
        body.put("type", line.transaction().type());
        body.put("source", line.transaction().source());
        body.put("payment_intent", line.transaction().paymentIntent());
        body.put("payment_id", line.paymentId());
        body.put("amount", line.transaction().amount());
        body.put("fee", line.transaction().fee());
        body.put("net", line.transaction().net());
        body.put("currency", line.transaction().currency());
        return body;
    }

    private static Map<String, Object> json(Totals totals) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("currency", totals.currency());
        body.put("gross", totals.gross());
        body.put("fees", totals.fees());
        body.put("net", totals.net());
        body.put("payments", totals.payments());
        body.put("refunds", totals.refunds());
        return body;
    }

    @JsonPropertyOrder({
        "payout_id",
        "payout_arrival_date",
        "payout_status",
        "transaction_id",
        "type",
        "source",
        "payment_intent",
        "payment_id",
        "currency",
        "amount",
        "fee",
        "net"
    })
    record CsvLine(
            @JsonProperty("payout_id") String payoutId,
            @JsonProperty("payout_arrival_date") String payoutArrivalDate,
            @JsonProperty("payout_status") String payoutStatus,
            @JsonProperty("transaction_id") String transactionId,
            @JsonProperty("type") String type,
            @JsonProperty("source") String source,
            @JsonProperty("payment_intent") String paymentIntent,
            @JsonProperty("payment_id") UUID paymentId,
            @JsonProperty("currency") String currency,
            @JsonProperty("amount") BigDecimal amount,
            @JsonProperty("fee") BigDecimal fee,
            @JsonProperty("net") BigDecimal net) {}

    private static List<CsvLine> csvLines(Report report) {
        return report.payouts().stream()
                .flatMap(p -> p.lines().stream())
                .map(line -> new CsvLine(
                        line.payout().id(),
                        line.payout().arrivalDate().toString(),
                        line.payout().status(),
                        line.transaction().id(),
                        line.transaction().type(),
                        line.transaction().source(),
                        line.transaction().paymentIntent(),
                        line.paymentId(),
                        line.transaction().currency(),
                        line.transaction().amount(),
                        line.transaction().fee(),
                        line.transaction().net()))
                .toList();
    }
}
