package io.orderhub.payments.payment;

import io.orderhub.events.PaymentEventType;
import io.orderhub.messaging.outbox.Outbox;
import io.orderhub.money.CurrencyCode;
import io.orderhub.money.Money;
import io.orderhub.schemas.EventTopic;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Brings one payment of the old hub over (bin/orderhub-import, docs/switch-over.md): under its old id and
 * order, with its provider reference (so a Stripe PaymentIntent or BTCPay invoice still in flight matches its
 * webhook after the switch), its history as versions 1..n. Importing it again changes nothing and answers the
 * stored payment. Its one event is a {@code CREATED} marked {@code imported}: order-service keeps the snapshot
 * without moving the order, which was imported with these payments counted already.
 */
@Service
public class ImportPayment {

    private final PaymentRepository payments;
    private final Outbox outbox;
    private final Clock clock;

    ImportPayment(PaymentRepository payments, Outbox outbox, Clock clock) {
        this.payments = payments;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** One history row of the old hub, de-duplicated; {@code oldStatus} null for the creation row. */
    public record History(String oldStatus, String newStatus, String reason, String changedBy, Instant changedAt) {}

    /** The payment as the import mapped it to the hub's statuses, checked on construction ({@link InvalidRequest}). */
    public record Command(
            UUID id,
            UUID orderId,
            String source,
            String provider,
            String method,
            String status,
            BigDecimal amount,
            String currency,
            BigDecimal refundedAmount,
            String providerReference,
            boolean recorded,
            String returnUrl,
            String metadataJson,
            Instant createdAt,
            List<History> history) {

        public Command {
            history = history == null ? null : Collections.unmodifiableList(new ArrayList<>(history));
            List<Violation> v = new ArrayList<>();
            if (id == null) {
                v.add(new Violation("id", "is required"));
            }
            if (orderId == null) {
                v.add(new Violation("order_id", "is required"));
            }
            text(v, "source", source, true);
            text(v, "provider", provider, true);
            text(v, "provider_reference", providerReference, false);
            if (method != null && method.length() > 32) {
                v.add(new Violation("method", "must be at most 32 characters"));
            }
            Optional<PaymentStatus> parsed = PaymentStatus.parse(status);
            if (parsed.isEmpty()) {
                v.add(new Violation("status", "must be one of the payment statuses"));
            }
            Optional<CurrencyCode> code = CurrencyCode.parse(currency);
            if (code.isEmpty()) {
                v.add(new Violation("currency", "must be an ISO 4217 currency code in upper case"));
            }
            amount(v, "amount", amount, code);
            amount(v, "refunded_amount", refundedAmount, code);
            if (amount != null && refundedAmount != null && refundedAmount.compareTo(amount) > 0) {
                v.add(new Violation("refunded_amount", "must not be more than amount"));
            }
            if (createdAt == null) {
                v.add(new Violation("created_at", "is required"));
            }
            if (history == null || history.isEmpty()) {
                v.add(new Violation("history", "at least the creation row is required"));
            } else {
                String previous = null;
                for (int i = 0; i < history.size(); i++) {
                    History row = history.get(i);
                    String path = "history[" + i + "]";
                    if (row == null || row.changedAt() == null || row.changedBy() == null) {
                        v.add(new Violation(path, "needs new_status, changed_by and changed_at"));
                        break;
                    }
                    if (!Objects.equals(row.oldStatus(), previous)) {
                        v.add(new Violation(path + ".old_status", "must be " + previous));
                    }
                    if (PaymentStatus.parse(row.newStatus()).isEmpty()) {
                        v.add(new Violation(path + ".new_status", "must be one of the payment statuses"));
                    }
                    previous = row.newStatus();
                }
                if (!Objects.equals(previous, status)) {
                    v.add(new Violation("history", "must end with the payment's status " + status));
                }
            }
            if (!v.isEmpty()) {
                throw new InvalidRequest(v);
            }
        }

        private static void text(List<Violation> v, String field, String value, boolean required) {
            if (value == null || value.isBlank()) {
                if (required) {
                    v.add(new Violation(field, "is required"));
                }
            } else if (value.length() > 255) {
                v.add(new Violation(field, "must be at most 255 characters"));
            }
        }

        private static void amount(
                List<Violation> v, String field, BigDecimal amount, Optional<CurrencyCode> currency) {
            if (amount == null) {
                v.add(new Violation(field, "is required"));
            } else if (amount.signum() < 0) {
                v.add(new Violation(field, "must not be negative"));
            } else if (currency.isPresent()) {
                String problem = Money.problemWith(amount, currency.get());
                if (problem != null) {
                    v.add(new Violation(field, problem));
                }
            }
        }
    }

    /** The stored payment and whether this call stored it (false: it was imported before). */
    public record Result(Payment payment, boolean created) {}

    @Transactional
    public Result importPayment(Command command, String actor) {
        Optional<Payment> existing = payments.find(command.id());
        if (existing.isPresent()) {
            return new Result(existing.get(), false);
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        CurrencyCode currency = CurrencyCode.parse(command.currency()).orElseThrow();
        List<History> rows = command.history();
        List<HistoryEntry> history = new ArrayList<>(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            History row = rows.get(i);
            history.add(new HistoryEntry(
                    i + 1,
                    (i == 0 ? PaymentEventType.CREATED : PaymentEventType.STATUS_CHANGED).name(),
                    row.oldStatus(),
                    row.newStatus(),
                    row.reason(),
                    row.changedBy(),
                    row.changedAt().truncatedTo(ChronoUnit.MICROS)));
        }
        Instant createdAt = command.createdAt().truncatedTo(ChronoUnit.MICROS);
        Instant updatedAt = history.get(history.size() - 1).changedAt();
        Money refunded = Money.of(command.refundedAmount(), currency);
        Payment payment = new Payment(
                command.id(),
                command.orderId(),
                command.source(),
                command.provider(),
                Money.of(command.amount(), currency),
                command.recorded(),
                null,
                command.returnUrl(),
                command.metadataJson(),
                command.method(),
                createdAt,
                List.of(),
                PaymentStatus.parse(command.status()).orElseThrow(),
                history.size(),
                refunded,
                refunded,
                command.providerReference(),
                null,
                false,
                null,
                null,
                null,
                updatedAt.isBefore(createdAt) ? createdAt : updatedAt);
        if (!payments.insertImported(payment, history, now)) {
            Optional<Payment> raced = payments.find(command.id());
            if (raced.isPresent()) {
                return new Result(raced.get(), false);
            }
            UUID holder = payments.lockByReference(command.provider(), command.providerReference())
                    .map(Payment::id)
                    .orElse(null);
            throw new DuplicatePayment(
                    "Provider reference " + command.providerReference() + " of " + command.provider()
                            + " belongs to another payment",
                    holder);
        }
        outbox.append(EventTopic.PAYMENT_EVENTS, "payment", payment.orderId(), PaymentEvents.imported(payment, actor));
        return new Result(payment, true);
    }
}
