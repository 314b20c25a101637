package io.orderhub.payments.bank;

import static io.orderhub.payments.jooq.Tables.BANK_CREDIT;
import static org.jooq.impl.DSL.noCondition;
import static org.jooq.impl.DSL.row;

import io.orderhub.money.CurrencyCode;
import io.orderhub.money.Money;
import io.orderhub.payments.jooq.tables.records.BankCreditRecord;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Bank credits; the only class that knows their table. */
@Repository
class BankCreditRepository {

    private final DSLContext db;

    BankCreditRepository(DSLContext db) {
        this.db = db;
    }

    /**
     * Stores a credit not seen before; false when its account and entry reference are stored already (then,
     * with a concurrent import of the same entry, after that import committed).
     */
    @Transactional(propagation = Propagation.MANDATORY)
    boolean insert(BankCredit credit) {
        return db.insertInto(BANK_CREDIT)
                        .set(BANK_CREDIT.ID, credit.id())
                        .set(BANK_CREDIT.ENTRY_KEY, credit.entryKey())
                        .set(BANK_CREDIT.ENTRY_REFERENCE, credit.entryReference())
                        .set(BANK_CREDIT.ACCOUNT_IBAN, credit.accountIban())
                        .set(BANK_CREDIT.MESSAGE_TYPE, credit.messageType())
                        .set(BANK_CREDIT.MESSAGE_ID, credit.messageId())
                        .set(BANK_CREDIT.AMOUNT, credit.amount().amount())
                        .set(BANK_CREDIT.CURRENCY, credit.amount().currency().code())
                        .set(BANK_CREDIT.BOOKING_DATE, credit.bookingDate())
                        .set(BANK_CREDIT.PAYER_NAME, cut(credit.payerName(), 255))
                        .set(BANK_CREDIT.PAYER_IBAN, cut(credit.payerIban(), 34))
                        .set(BANK_CREDIT.REMITTANCE, credit.remittance())
                        .set(BANK_CREDIT.STATUS, credit.status().wireName())
                        .set(BANK_CREDIT.RECEIVED_AT, at(credit.receivedAt()))
                        .onConflict(BANK_CREDIT.ENTRY_KEY)
                        .doNothing()
                        .execute()
                == 1;
    }

    Optional<BankCredit> findByKey(String entryKey) {
        return db.selectFrom(BANK_CREDIT)
                .where(BANK_CREDIT.ENTRY_KEY.eq(entryKey))
                .fetchOptional(BankCreditRepository::credit);
    }

    Optional<BankCredit> find(UUID id) {
        return db.selectFrom(BANK_CREDIT).where(BANK_CREDIT.ID.eq(id)).fetchOptional(BankCreditRepository::credit);
    }

    /** The credit with its row locked until the transaction ends: it is assigned once. */
    @Transactional(propagation = Propagation.MANDATORY)
    Optional<BankCredit> lock(UUID id) {
        return db.selectFrom(BANK_CREDIT)
                .where(BANK_CREDIT.ID.eq(id))
                .forUpdate()
                .fetchOptional(BankCreditRepository::credit);
    }

    /** Records what paid it: the invoice, its contract, the payment, a discount's credit note. */
    @Transactional(propagation = Propagation.MANDATORY)
    void settle(
            UUID id,
            BankCredit.Status status,
            String matchedBy,
            UUID invoiceId,
            UUID contractId,
            UUID paymentId,
            UUID discountNoteId,
            boolean overpaid,
            Instant at,
            String by) {
        db.update(BANK_CREDIT)
                .set(BANK_CREDIT.STATUS, status.wireName())
                .set(BANK_CREDIT.MATCHED_BY, matchedBy)
                .set(BANK_CREDIT.INVOICE_ID, invoiceId)
                .set(BANK_CREDIT.CONTRACT_ID, contractId)
                .set(BANK_CREDIT.PAYMENT_ID, paymentId)
                .set(BANK_CREDIT.DISCOUNT_NOTE_ID, discountNoteId)
                .set(BANK_CREDIT.OVERPAID, overpaid)
                .set(BANK_CREDIT.RESOLVED_AT, at(at))
                .set(BANK_CREDIT.RESOLVED_BY, by)
                .where(BANK_CREDIT.ID.eq(id))
                .execute();
    }

    /** The contracts whose invoices this IBAN paid before. */
    List<UUID> contractsPaidFrom(String payerIban) {
        if (payerIban == null) {
            return List.of();
        }
        return db.selectDistinct(BANK_CREDIT.CONTRACT_ID)
                .from(BANK_CREDIT)
                .where(BANK_CREDIT.PAYER_IBAN.eq(payerIban))
                .and(BANK_CREDIT.CONTRACT_ID.isNotNull())
                .fetch(BANK_CREDIT.CONTRACT_ID);
    }

    /** Oldest first: up to {@code limit} credits after the position ({@code afterAt}/{@code afterId} or null). */
    List<BankCredit> page(BankCredit.Status status, Instant afterAt, UUID afterId, int limit) {
        Condition condition = status == null ? noCondition() : BANK_CREDIT.STATUS.eq(status.wireName());
        if (afterAt != null) {
            condition =
                    condition.and(row(BANK_CREDIT.RECEIVED_AT, BANK_CREDIT.ID).gt(at(afterAt), afterId));
        }
        return db.selectFrom(BANK_CREDIT)
                .where(condition)
                .orderBy(BANK_CREDIT.RECEIVED_AT, BANK_CREDIT.ID)
                .limit(limit)
                .fetch(BankCreditRepository::credit);
    }

    private static BankCredit credit(BankCreditRecord r) {
        return new BankCredit(
                r.getId(),
                r.getEntryKey(),
                r.getEntryReference(),
                r.getAccountIban(),
                r.getMessageType(),
                r.getMessageId(),
                Money.of(r.getAmount(), CurrencyCode.of(r.getCurrency())),
                r.getBookingDate(),
                r.getPayerName(),
                r.getPayerIban(),
                r.getRemittance(),
                BankCredit.Status.of(r.getStatus()),
                r.getMatchedBy(),
                r.getInvoiceId(),
                r.getContractId(),
                r.getPaymentId(),
                r.getDiscountNoteId(),
                r.getOverpaid(),
                r.getReceivedAt().toInstant(),
                r.getResolvedAt() == null ? null : r.getResolvedAt().toInstant(),
                r.getResolvedBy());
    }

    private static String cut(String text, int limit) {
        return text == null || text.length() <= limit ? text : text.substring(0, limit);
    }

    private static OffsetDateTime at(Instant instant) {
        return instant == null ? null : OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
