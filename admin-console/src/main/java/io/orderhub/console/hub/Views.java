package io.orderhub.console.hub;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** What the console shows of the services' answers; amounts stay the decimal text the API sent. */
public final class Views {

    private Views() {}

    public record Order(
            UUID id,
            String source,
            String sourceOrderId,
            String status,
            String currency,
            String grandTotal,
            String paidAmount,
            String refundedAmount,
            @Nullable String customerEmail,
            long version,
            @Nullable Instant createdAt,
            @Nullable Instant updatedAt) {}

    /** A status change of an order or a payment, oldest first. */
    public record Change(
            @Nullable String oldStatus,
            String newStatus,
            @Nullable String reason,
            @Nullable String changedBy,
            Instant changedAt,
            long version) {}

    public record Payment(
            UUID id,
            UUID orderId,
            String provider,
            String status,
            String amount,
            String currency,
            String refundedAmount,
            String leftToRefund,
            @Nullable String providerReference,
            boolean recorded,
            boolean needsAttention,
            @Nullable String attentionReason,
            List<Refund> refunds,
            @Nullable Dispute dispute,
            @Nullable Instant createdAt,
            @Nullable Instant updatedAt) {

        /** The payment's statuses that may still change by the customer or the provider (the contract's table). */
        public static final List<String> OPEN = List.of("pending", "requires_action", "processing");

        /** The statuses in which the payment holds money that may be refunded. */
        public static final List<String> REFUNDABLE = List.of("succeeded", "partially_refunded");

        public boolean open() {
            return OPEN.contains(status);
        }

        public boolean refundable() {
            return REFUNDABLE.contains(status) && refundableAmount().signum() > 0;
        }

        /** What a refund may still take, as payment-service counts it (pending refunds already taken). */
        public BigDecimal refundableAmount() {
            return new BigDecimal(leftToRefund);
        }
    }

    public record Refund(
            UUID id,
            String amount,
            String status,
            @Nullable String reason,
            @Nullable String providerReference,
            @Nullable Instant createdAt) {}

    /**
     * A provider's webhook event as the hub received it: {@code outcome} applied, ignored or unmatched;
     * {@code duplicates} the provider's retries of it.
     */
    public record ProviderEvent(
            String provider,
            String providerEventId,
            String type,
            String providerReference,
            @Nullable UUID paymentId,
            String outcome,
            @Nullable String detail,
            Instant receivedAt,
            int duplicates) {}

    /** A channel's callback endpoint: {@code active}, or {@code disabled} since a receiver answered 410. */
    public record Endpoint(
            String name,
            @Nullable String url,
            String status,
            @Nullable Instant disabledAt,
            @Nullable String disabledReason) {}

    /**
     * How an endpoint answered over the attempts callback-dispatcher holds: {@code successRate} delivered ÷
     * attempts, 0 to 1.
     */
    public record EndpointHealth(
            String name,
            long attempts,
            long delivered,
            BigDecimal successRate,
            long averageLatencyMs,
            long p95LatencyMs,
            Instant lastAttemptAt) {

        public String successText() {
            return successRate
                            .movePointRight(2)
                            .setScale(1, RoundingMode.HALF_UP)
                            .toPlainString() + " % of " + attempts + (attempts == 1 ? " attempt" : " attempts");
        }
    }

    /** A callback delivery: of an order change ({@code kind} {@code order}) or of an invoice document. */
    public record Delivery(
            UUID id,
            UUID orderId,
            String kind,
            long orderVersion,
            String channel,
            String type,
            String status,
            int attemptCount,
            @Nullable Integer lastResponseCode,
            @Nullable String lastError,
            @Nullable UUID replayOf,
            Instant createdAt,
            List<Attempt> attempts) {

        /** What was called back: the type, and for an order change the order's version it tells. */
        public String subject() {
            return "invoice".equals(kind) ? type : type + " (order version " + orderVersion + ")";
        }
    }

    public record Attempt(
            int attempt,
            Instant startedAt,
            @Nullable String url,
            String outcome,
            @Nullable Integer responseCode,
            @Nullable String responseExcerpt,
            @Nullable Long latencyMs,
            @Nullable String error) {}

    /**
     * Orders created in a window of one channel in one currency (order-service's figures): {@code hour} the
     * hour's start when asked per hour, else null; {@code amount} the sum of their grand totals.
     */
    public record OrderFigure(
            @Nullable Instant hour, String channel, String currency, long orders, BigDecimal amount) {}

    /**
     * Payments created in a window of one provider in one currency, now in one status (payment-service's
     * figures): {@code hour} the hour's start when asked per hour, else null.
     */
    public record PaymentFigure(
            @Nullable Instant hour,
            String provider,
            String currency,
            String status,
            long payments,
            BigDecimal amount) {}

    /** One page of a list and the cursor of the next, if any. */
    public record Page<T>(List<T> items, @Nullable String nextCursor) {}

    /**
     * An event a service's consumer group gave up on: where it lies on the dead-letter topic (what a replay
     * names), where it came from, its event id and key, and why; never the payload.
     */
    public record DeadLetter(
            String topic,
            int partition,
            long offset,
            String originalTopic,
            int originalPartition,
            long originalOffset,
            String consumerGroup,
            @Nullable String eventId,
            @Nullable String key,
            @Nullable String exception,
            @Nullable String reason) {}

    /** A chargeback as the provider reports it: its current status, since it was opened. */
    public record Dispute(
            String status,
            String amount,
            @Nullable String providerReference,
            @Nullable String reason,
            @Nullable Instant openedAt) {}

    /**
     * A framework contract at its current version (order-service): the company buying under it, its payment
     * terms and the credit limit its open receivables must stay within.
     */
    public record Contract(
            UUID id,
            String channel,
            String status,
            long version,
            String company,
            @Nullable String vatId,
            String email,
            int netDays,
            @Nullable String discountPercent,
            @Nullable Integer discountDays,
            String creditLimit,
            String currency,
            @Nullable Instant createdAt) {

        /** "30 days net", "2 % within 10 days, 30 days net". */
        public String terms() {
            String net = netDays + " days net";
            return discountPercent == null ? net : discountPercent + " % within " + discountDays + " days, " + net;
        }
    }

    /** What a contract's invoices leave open today, per currency, by days past the due date. */
    public record Aging(LocalDate asOf, int openInvoices, List<AgingRow> currencies) {}

    public record AgingRow(
            String currency,
            String current,
            String days1To30,
            String days31To60,
            String days61To90,
            String over90,
            String total) {}

    /** An invoice of an order on account (payment-service), its status as of today. */
    public record Invoice(
            UUID id,
            String number,
            String status,
            UUID orderId,
            @Nullable UUID contractId,
            String currency,
            String netTotal,
            String taxTotal,
            String total,
            String paidAmount,
            String creditedAmount,
            String outstanding,
            @Nullable Instant issuedAt,
            LocalDate dueDate,
            @Nullable LocalDate discountDate,
            @Nullable String discountAmount,
            @Nullable String company,
            List<InvoiceLine> lines,
            List<CreditNote> creditNotes) {}

    public record InvoiceLine(
            String name,
            @Nullable String sku,
            String quantity,
            @Nullable String unitPrice,
            String net,
            @Nullable String taxRate,
            @Nullable String tax) {}

    public record CreditNote(
            UUID id,
            String number,
            String amount,
            String reason,
            @Nullable Instant issuedAt,
            String issuedBy) {}

    /**
     * A booked credit from a bank statement and what became of it: {@code unmatched}, {@code matched} by the hub
     * or {@code assigned} by an operator, then paying {@code invoiceId}.
     */
    public record BankCredit(
            UUID id,
            String status,
            String entryReference,
            String amount,
            String currency,
            LocalDate bookingDate,
            @Nullable String payerName,
            @Nullable String payerIban,
            @Nullable String remittance,
            @Nullable String messageId,
            @Nullable UUID invoiceId,
            @Nullable String resolvedBy) {}

    /** A bank credit applied to an invoice: the invoice's status after it, and whether it was applied before. */
    public record Settlement(
            @Nullable String invoiceNumber,
            @Nullable String invoiceStatus,
            @Nullable UUID paymentId,
            @Nullable String discount,
            boolean overpaid,
            boolean alreadyApplied) {}
}
