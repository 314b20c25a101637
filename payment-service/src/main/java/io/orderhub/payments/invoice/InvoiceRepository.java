package io.orderhub.payments.invoice;

import static io.orderhub.payments.jooq.Tables.CREDIT_NOTE;
import static io.orderhub.payments.jooq.Tables.INVOICE;
import static io.orderhub.payments.jooq.Tables.INVOICE_COUNTER;
import static io.orderhub.payments.jooq.Tables.INVOICE_REMINDER;
import static io.orderhub.payments.jooq.Tables.ORDER_VIEW;
import static org.jooq.impl.DSL.coalesce;
import static org.jooq.impl.DSL.falseCondition;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.lower;
import static org.jooq.impl.DSL.noCondition;
import static org.jooq.impl.DSL.row;
import static org.jooq.impl.DSL.select;
import static org.jooq.impl.DSL.selectCount;
import static org.jooq.impl.DSL.sum;

import io.orderhub.money.CurrencyCode;
import io.orderhub.money.Money;
import io.orderhub.payments.order.AccountJson;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
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

/** Invoices, credit notes, reminders and the number counters; the only class that knows their tables. */
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

    /**
     * Stores the reminder unless the invoice has one of that level or of that day already (the unique keys, the
     * backstop of the invoice's row lock): answers whether it was stored.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    boolean insert(Reminder reminder) {
        return db.insertInto(INVOICE_REMINDER)
                        .set(INVOICE_REMINDER.ID, reminder.id())
                        .set(INVOICE_REMINDER.INVOICE_ID, reminder.invoiceId())
                        .set(INVOICE_REMINDER.DUNNING_LEVEL, reminder.level())
                        .set(
                                INVOICE_REMINDER.OUTSTANDING,
                                reminder.outstanding().amount())
                        .set(INVOICE_REMINDER.FEE, reminder.fee().amount())
                        .set(INVOICE_REMINDER.DAYS_OVERDUE, reminder.daysOverdue())
                        .set(INVOICE_REMINDER.REMINDED_ON, reminder.remindedOn())
                        .set(INVOICE_REMINDER.PAY_BY, reminder.payBy())
                        .set(INVOICE_REMINDER.ISSUED_AT, at(reminder.issuedAt()))
                        .set(INVOICE_REMINDER.ISSUED_BY, reminder.issuedBy())
                        .onConflictDoNothing()
                        .execute()
                == 1;
    }

    /**
     * Up to {@code limit} ids after {@code afterId} (or from the first) of invoices a dunning run looks at: due on or
     * before {@code dueBy}, reminded at fewer than {@code levels} levels, and not covered by credit notes and what
     * order-service counts as paid. Whether one is really due for a reminder is decided with its row locked.
     */
    List<UUID> dunningCandidates(LocalDate dueBy, int levels, UUID afterId, int limit) {
        return db.select(INVOICE.ID)
                .from(INVOICE)
                .leftJoin(ORDER_VIEW)
                .on(ORDER_VIEW.ID.eq(INVOICE.ORDER_ID))
                .where(INVOICE.DUE_DATE.le(dueBy))
                .and(afterId == null ? noCondition() : INVOICE.ID.gt(afterId))
                .and(INVOICE.TOTAL.gt(coalesce(ORDER_VIEW.PAID_AMOUNT, BigDecimal.ZERO)
                        .plus(coalesce(
                                field(select(sum(CREDIT_NOTE.AMOUNT))
                                        .from(CREDIT_NOTE)
                                        .where(CREDIT_NOTE.INVOICE_ID.eq(INVOICE.ID))),
                                BigDecimal.ZERO))))
                .and(field(selectCount().from(INVOICE_REMINDER).where(INVOICE_REMINDER.INVOICE_ID.eq(INVOICE.ID)))
                        .lt(levels))
                .orderBy(INVOICE.ID)
                .limit(limit)
                .fetch(INVOICE.ID);
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
        Map<UUID, CurrencyCode> currencies = rows.stream()
                .collect(Collectors.toMap(
                        r -> r.get(INVOICE.ID), r -> CurrencyCode.of(r.get(INVOICE.CURRENCY)), (a, b) -> a));
        Map<UUID, List<Reminder>> reminders = db
                .selectFrom(INVOICE_REMINDER)
                .where(INVOICE_REMINDER.INVOICE_ID.in(ids))
                .orderBy(INVOICE_REMINDER.DUNNING_LEVEL)
                .fetch(r -> new Reminder(
                        r.getId(),
                        r.getInvoiceId(),
                        r.getDunningLevel(),
                        Money.of(r.getOutstanding(), currencies.get(r.getInvoiceId())),
                        Money.of(r.getFee(), currencies.get(r.getInvoiceId())),
                        r.getDaysOverdue(),
                        r.getRemindedOn(),
                        r.getPayBy(),
                        r.getIssuedAt().toInstant(),
                        r.getIssuedBy()))
                .stream()
                .collect(Collectors.groupingBy(Reminder::invoiceId));
        return rows.stream()
                .map(r -> invoice(
                        r,
                        notes.getOrDefault(r.get(INVOICE.ID), List.of()),
                        reminders.getOrDefault(r.get(INVOICE.ID), List.of())))
                .toList();
    }

    private static Invoice invoice(Record r, List<CreditNote> notes, List<Reminder> reminders) {
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
                reminders,
                Money.of(paid == null ? BigDecimal.ZERO : paid, currency));
    }

    private static OffsetDateTime at(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
