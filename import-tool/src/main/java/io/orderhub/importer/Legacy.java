package io.orderhub.importer;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The old hub's rows as its tables hold them; an amount the old hub stored as NaN is null here. */
final class Legacy {

    private Legacy() {}

    record Customer(UUID id, String email, String name, String phone) {}

    record Item(
            String name,
            String sku,
            int quantity,
            BigDecimal unitPrice,
            BigDecimal totalPrice,
            BigDecimal taxRate,
            BigDecimal taxAmount,
            String metadataJson) {}

    record History(String oldStatus, String newStatus, String changedBy, String reason, Instant changedAt) {}

    record Payment(
            UUID id,
            String provider,
            String providerReference,
            String paymentMethod,
            String status,
            BigDecimal amount,
            String currency,
            BigDecimal refundedAmount,
            String redirectUrl,
            String metadataJson,
            Instant createdAt,
            List<History> history) {}

    record Order(
            UUID id,
            Customer customer,
            String source,
            String sourceOrderId,
            String status,
            String currency,
            BigDecimal subtotal,
            BigDecimal taxTotal,
            BigDecimal shippingTotal,
            BigDecimal discountTotal,
            BigDecimal grandTotal,
            String metadataJson,
            Instant createdAt,
            List<Item> items,
            List<History> history,
            List<Payment> payments) {

        /** The old hub stored NaN totals when it read the plugin's line total as the unit price. */
        boolean totalsLost() {
            return subtotal == null || taxTotal == null || grandTotal == null;
        }
    }

    record ApiKey(String name, String keyHash, String channel, boolean active, Instant expiresAt) {}

    record ChannelConfig(String channel, boolean usePaymentHub, boolean shadowMode, boolean callbackEnabled) {}

    /** Everything the import reads. */
    record Data(
            List<Order> orders,
            List<ApiKey> apiKeys,
            List<ChannelConfig> channelConfigs,
            int paymentProviders,
            int idempotencyKeys) {}
}
