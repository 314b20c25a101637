package io.orderhub.importer;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * What the import will write, after every repair: one body per order and payment for the import endpoints, the
 * anomalies found (each repair counted by kind) and the lines for the operator (API keys, channel settings).
 */
final class Plan {

    /** One order's import: its body for {@code PUT /api/v1/import/orders/{id}} and its payments. */
    /** {@code legacyGrandTotal} is null where the old hub stored NaN. */
    record PlannedOrder(
            UUID id,
            Map<String, Object> body,
            String currency,
            String legacyStatus,
            BigDecimal legacyGrandTotal,
            String status,
            BigDecimal grandTotal,
            List<PlannedPayment> payments) {}

    record PlannedPayment(
            UUID id,
            Map<String, Object> body,
            String currency,
            String legacyStatus,
            BigDecimal legacyAmount,
            String status,
            BigDecimal amount) {}

    /** One defect found in the old data: what kind, which row, what was done. */
    record Anomaly(String kind, UUID legacyId, String detail) {}

    final List<PlannedOrder> orders = new ArrayList<>();
    final List<Anomaly> anomalies = new ArrayList<>();
    final Map<String, Integer> repairs = new TreeMap<>();
    final List<String> apiKeys = new ArrayList<>();
    final List<String> operatorNotes = new ArrayList<>();

    void anomaly(String kind, UUID legacyId, String detail) {
        anomalies.add(new Anomaly(kind, legacyId, detail));
        repairs.merge(kind, 1, Integer::sum);
    }

    int payments() {
        return orders.stream().mapToInt(o -> o.payments().size()).sum();
    }
}
