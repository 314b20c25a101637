package io.orderhub.payments.reconciliation.web;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.orderhub.payments.reconciliation.Mismatch;
import io.orderhub.payments.reconciliation.ReconciliationRun;
import java.math.BigDecimal;
import java.util.UUID;
import tools.jackson.dataformat.csv.CsvMapper;
import tools.jackson.dataformat.csv.CsvSchema;

/**
 * A run's mismatches as CSV (Jackson's CSV module: a header line, RFC 4180 quoting), one line per mismatch; the
 * refunded amounts came later and are the last columns, so a sheet reading the earlier ones by position still reads.
 */
final class MismatchCsv {

    private static final CsvMapper CSV = CsvMapper.builder().build();
    private static final CsvSchema SCHEMA = CSV.schemaFor(Line.class).withHeader();

    private MismatchCsv() {}

    @JsonPropertyOrder({
        "run_id",
        "provider",
        "kind",
        "provider_reference",
        "payment_id",
        "hub_status",
        "hub_amount",
        "hub_currency",
        "provider_status",
        "provider_amount",
        "provider_currency",
        "resolution",
        "detail",
        "hub_refunded",
        "provider_refunded"
    })
    record Line(
            @JsonProperty("run_id") UUID runId,
            @JsonProperty("provider") String provider,
            @JsonProperty("kind") String kind,
            @JsonProperty("provider_reference") String providerReference,
            @JsonProperty("payment_id") UUID paymentId,
            @JsonProperty("hub_status") String hubStatus,
            @JsonProperty("hub_amount") BigDecimal hubAmount,
            @JsonProperty("hub_currency") String hubCurrency,
            @JsonProperty("provider_status") String providerStatus,
            @JsonProperty("provider_amount") BigDecimal providerAmount,
            @JsonProperty("provider_currency") String providerCurrency,
            @JsonProperty("resolution") String resolution,
            @JsonProperty("detail") String detail,
            @JsonProperty("hub_refunded") BigDecimal hubRefunded,
            @JsonProperty("provider_refunded") BigDecimal providerRefunded) {}

    static String of(ReconciliationRun run) {
        return CSV.writer(SCHEMA)
                .writeValueAsString(
                        run.mismatches().stream().map(m -> line(run, m)).toList());
    }

    private static Line line(ReconciliationRun run, Mismatch m) {
        return new Line(
                run.id(),
                run.provider(),
                m.kind().wireName(),
                m.providerReference(),
                m.paymentId(),
                m.hubStatus(),
                ReconciliationController.scaled(m.hubAmount(), m.hubCurrency()),
                m.hubCurrency(),
                m.providerStatus(),
                ReconciliationController.scaled(m.providerAmount(), m.providerCurrency()),
                m.providerCurrency(),
                m.resolution().wireName(),
                m.detail(),
                ReconciliationController.scaled(m.hubRefunded(), m.hubCurrency()),
                ReconciliationController.scaled(m.providerRefunded(), m.providerCurrency()));
    }
}
