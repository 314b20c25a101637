package io.orderhub.payments.invoice;

import static io.orderhub.payments.jooq.Tables.CREDIT_NOTE;
import static io.orderhub.payments.jooq.Tables.INVOICE;
import static io.orderhub.payments.jooq.Tables.INVOICE_COUNTER;
import static io.orderhub.payments.jooq.Tables.ORDER_VIEW;
import static org.jooq.impl.DSL.falseCondition;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.lower;
import static org.jooq.impl.DSL.noCondition;
import static org.jooq.impl.DSL.row;

import io.orderhub.money.CurrencyCode;
import io.orderhub.money.Money;
import io.orderhub.payments.order.AccountJson;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.JSONB;
import org.jooq.Record;
import org.jooq.SelectOnConditionStep;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Invoices, credit notes and their number counters; the only class that knows their tables. */
@Repository
class InvoiceRepository {

    private final DSLContext db;

    InvoiceRepository(DSLContext db) {
        this.db = db;
    }

    /**
     * The next number of the series in the year. The counter row stays locked until the transaction ends, so
     * issues of one series and year take their numbers one after the other, and a rollback gives its number back.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    long nextNumber(String series, int year) {
        return db.insertInto(INVOICE_COUNTER)
                .set(INVOICE_COUNTER.SERIES, series)
                .set(INVOICE_COUNTER.YEAR, year)
                .set(INVOICE_COUNTER.LAST_NUMBER, 1L)
                .onConflict(INVOICE_COUNTER.SERIES, INVOICE_COUNTER.YEAR)
                .doUpdate()
                .set(INVOICE_COUNTER.LAST_NUMBER, INVOICE_COUNTER.LAST_NUMBER.plus(1L))
                .returning(INVOICE_COUNTER.LAST_NUMBER)
                .fetchOne(INVOICE_COUNTER.LAST_NUMBER);
    }

    @Transactional(propagation = Propagation.MANDATORY)
    void insert(Invoice invoice) {
        Invoice.Amounts amounts = invoice.amounts();
        db.insertInto(INVOICE)
                .set(INVOICE.ID, invoice.id())
                .set(INVOICE.NUMBER, invoice.number())
                .set(INVOICE.ORDER_ID, invoice.orderId())
                .set(INVOICE.CONTRACT_ID, invoice.contractId())
                .set(INVOICE.SOURCE, invoice.source())
                .set(INVOICE.CURRENCY, invoice.currency().code())
                .set(INVOICE.NET_TOTAL, amounts.netTotal().amount())
                .set(INVOICE.TAX_TOTAL, amounts.taxTotal().amount())
                .set(INVOICE.SHIPPING_TOTAL, amounts.shippingTotal().amount())
                .set(INVOICE.DISCOUNT_TOTAL, amounts.discountTotal().amount())
                .set(INVOICE.TOTAL, amounts.total().amount())
                .set(INVOICE.ISSUED_AT, at(invoice.issuedAt()))
                .set(INVOICE.DUE_DATE, invoice.dueDate())
                .set(INVOICE.DISCOUNT_DATE, invoice.discountDate())
                .set(
                        INVOICE.DISCOUNT_AMOUNT,
                        invoice.discountAmount() == null
                                ? null
                                : invoice.discountAmount().amount())
                .set(INVOICE.ACCOUNT, JSONB.valueOf(AccountJson.write(invoice.issued())))
                .set(INVOICE.ISSUED_BY, invoice.issuedBy())
                .execute();
    }

    @Transactional(propagation = Propagation.MANDATORY)
    void insert(CreditNote note) {
        db.insertInto(CREDIT_NOTE)
                .set(CREDIT_NOTE.ID, note.id())
                .set(CREDIT_NOTE.NUMBER, note.number())
                .set(CREDIT_NOTE.INVOICE_ID, note.invoiceId())
                .set(CREDIT_NOTE.AMOUNT, note.amount().amount())
                .set(CREDIT_NOTE.REASON, note.reason())
                .set(CREDIT_NOTE.ISSUED_AT, at(note.issuedAt()))
                .set(CREDIT_NOTE.ISSUED_BY, note.issuedBy())
                .execute();
    }

    Optional<Invoice> find(UUID id) {
        return first(withPaid().where(INVOICE.ID.eq(id)).fetch());
    }

    /** The invoice with its row locked until the transaction ends: its credit notes are added one at a time. */
    @Transactional(propagation = Propagation.MANDATORY)
    Optional<Invoice> lock(UUID id) {
        return first(withPaid().where(INVOICE.ID.eq(id)).forUpdate().of(INVOICE).fetch());
    }

    Optional<Invoice> findByOrder(UUID orderId) {
        return first(withPaid().where(INVOICE.ORDER_ID.eq(orderId)).fetch());
    }

    Optional<Invoice> findByNumber(String number) {
        return first(withPaid().where(INVOICE.NUMBER.eq(number)).fetch());
    }

    /**
     * Invoices in the currency whose buyer is the company of that name (in any case) or of one of the contracts,
     * oldest first, at most {@code limit}.
     */
    List<Invoice> ofPayer(String currency, String company, Collection<UUID> contractIds, int limit) {
        Condition payer = company == null
                ? falseCondition()
                : lower(field("{0}->'buyer'->>'company'", String.class, INVOICE.ACCOUNT))
                        .eq(company.strip().toLowerCase(Locale.ROOT));
        if (!contractIds.isEmpty()) {
            payer = payer.or(INVOICE.CONTRACT_ID.in(contractIds));
        }
        return invoices(withPaid()
                .where(INVOICE.CURRENCY.eq(currency))
                .and(payer)
                .orderBy(INVOICE.ISSUED_AT, INVOICE.ID)
                .limit(limit)
                .fetch());
    }

    /** Every invoice of the contract, oldest first. */
    List<Invoice> ofContract(UUID contractId) {
        return invoices(withPaid()
                .where(INVOICE.CONTRACT_ID.eq(contractId))
                .orderBy(INVOICE.ISSUED_AT, INVOICE.ID)
                .fetch());
    }

    /** Newest first: up to {@code limit} invoices after the position ({@code beforeAt}/{@code beforeId} or null). */
    List<Invoice> page(UUID orderId, UUID contractId, String source, Instant beforeAt, UUID beforeId, int limit) {
        Condition condition = noCondition();
        if (source != null) {
            condition = condition.and(INVOICE.SOURCE.eq(source));
        }
        if (orderId != null) {
            condition = condition.and(INVOICE.ORDER_ID.eq(orderId));
        }
        if (contractId != null) {
            condition = condition.and(INVOICE.CONTRACT_ID.eq(contractId));
        }
        if (beforeAt != null) {
            condition = condition.and(row(INVOICE.ISSUED_AT, INVOICE.ID).lt(at(beforeAt), beforeId));
        }
        return invoices(withPaid()
                .where(condition)
                .orderBy(INVOICE.ISSUED_AT.desc(), INVOICE.ID.desc())
                .limit(limit)
                .fetch());
    }

    private SelectOnConditionStep<Record> withPaid() {
        return db.select(INVOICE.fields())
                .select(ORDER_VIEW.PAID_AMOUNT)
                .from(INVOICE)
                .leftJoin(ORDER_VIEW)
                .on(ORDER_VIEW.ID.eq(INVOICE.ORDER_ID));
    }

    private Optional<Invoice> first(List<? extends Record> rows) {
        return invoices(rows).stream().findFirst();
    }

    private List<Invoice> invoices(List<? extends Record> rows) {
        if (rows.isEmpty()) {
            return List.of();
        }
        List<UUID> ids = rows.stream().map(r -> r.get(INVOICE.ID)).toList();
        Map<UUID, List<CreditNote>> notes = db
                .selectFrom(CREDIT_NOTE)
                .where(CREDIT_NOTE.INVOICE_ID.in(ids))
                .orderBy(CREDIT_NOTE.ISSUED_AT, CREDIT_NOTE.ID)
                .fetch(r -> new CreditNote(
                        r.getId(),
                        r.getNumber(),
                        r.getInvoiceId(),
                        Money.of(
                                r.getAmount(),
                                CurrencyCode.of(rows.stream()
                                        .filter(i -> i.get(INVOICE.ID).equals(r.getInvoiceId()))
                                        .findFirst()
                                        .orElseThrow()
                                        .get(INVOICE.CURRENCY))),
                        r.getReason(),
                        r.getIssuedAt().toInstant(),
                        r.getIssuedBy()))
                .stream()
                .collect(Collectors.groupingBy(CreditNote::invoiceId));
        return rows.stream()
                .map(r -> invoice(r, notes.getOrDefault(r.get(INVOICE.ID), List.of())))
                .toList();
    }

    private static Invoice invoice(Record r, List<CreditNote> notes) {
        CurrencyCode currency = CurrencyCode.of(r.get(INVOICE.CURRENCY));
        BigDecimal paid = r.get(ORDER_VIEW.PAID_AMOUNT);
        BigDecimal discount = r.get(INVOICE.DISCOUNT_AMOUNT);
        return new Invoice(
                r.get(INVOICE.ID),
                r.get(INVOICE.NUMBER),
                r.get(INVOICE.ORDER_ID),
                r.get(INVOICE.CONTRACT_ID),
                r.get(INVOICE.SOURCE),
                new Invoice.Amounts(
                        Money.of(r.get(INVOICE.NET_TOTAL), currency),
                        Money.of(r.get(INVOICE.TAX_TOTAL), currency),
                        Money.of(r.get(INVOICE.SHIPPING_TOTAL), currency),
                        Money.of(r.get(INVOICE.DISCOUNT_TOTAL), currency),
                        Money.of(r.get(INVOICE.TOTAL), currency)),
                r.get(INVOICE.ISSUED_AT).toInstant(),
                r.get(INVOICE.DUE_DATE),
                r.get(INVOICE.DISCOUNT_DATE),
                discount == null ? null : Money.of(discount, currency),
                AccountJson.read(r.get(INVOICE.ACCOUNT).data(), Invoice.Issued.class),
                r.get(INVOICE.ISSUED_BY),
                notes,
                Money.of(paid == null ? BigDecimal.ZERO : paid, currency));
    }

    private static OffsetDateTime at(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
