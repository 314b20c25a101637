package io.orderhub.orders.contract;

import static io.orderhub.orders.jooq.Tables.CONTRACTS;
import static io.orderhub.orders.jooq.Tables.CONTRACT_AGREED_PRICES;
import static io.orderhub.orders.jooq.Tables.CONTRACT_VERSIONS;
import static org.jooq.impl.DSL.noCondition;
import static org.jooq.impl.DSL.row;

import io.orderhub.money.CurrencyCode;
import io.orderhub.money.Money;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.IntStream;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.Result;
import org.jooq.SelectOnConditionStep;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Contracts and every version of their terms and agreed prices; the only class that knows their tables. */
@Repository
class ContractRepository {

    private final DSLContext db;

    ContractRepository(DSLContext db) {
        this.db = db;
    }

    /** Stores a new contract at its first version. */
    @Transactional(propagation = Propagation.MANDATORY)
    void insert(Contract c, String actor) {
        db.insertInto(CONTRACTS)
                .set(CONTRACTS.ID, c.id().value())
                .set(CONTRACTS.CHANNEL, c.channel())
                .set(CONTRACTS.VERSION, c.version())
                .set(CONTRACTS.CREATED_AT, at(c.createdAt()))
                .set(CONTRACTS.UPDATED_AT, at(c.updatedAt()))
                .execute();
        insertVersion(c, actor);
    }

    /** Adds the contract's new version and makes it the current one; the caller holds the row lock. */
    @Transactional(propagation = Propagation.MANDATORY)
    void saveNextVersion(Contract c, String actor) {
        insertVersion(c, actor);
        int updated = db.update(CONTRACTS)
                .set(CONTRACTS.VERSION, c.version())
                .set(CONTRACTS.UPDATED_AT, at(c.updatedAt()))
                .where(CONTRACTS.ID.eq(c.id().value()))
                .and(CONTRACTS.VERSION.eq(c.version() - 1))
                .execute();
        if (updated != 1) {
            // Callers lock the row first, so this is a bug, not a race to retry.
            throw new IllegalStateException("Contract " + c.id() + " is no longer at version " + (c.version() - 1));
        }
    }

    private void insertVersion(Contract c, String actor) {
        BusinessCustomer customer = c.customer();
        PaymentTerms terms = c.paymentTerms();
        db.insertInto(CONTRACT_VERSIONS)
                .set(CONTRACT_VERSIONS.CONTRACT_ID, c.id().value())
                .set(CONTRACT_VERSIONS.VERSION, c.version())
                .set(CONTRACT_VERSIONS.STATUS, c.status().apiName())
                .set(CONTRACT_VERSIONS.COMPANY, customer.company())
                .set(CONTRACT_VERSIONS.VAT_ID, customer.vatId())
                .set(CONTRACT_VERSIONS.EMAIL, customer.email())
                .set(CONTRACT_VERSIONS.ADDRESS_LINE1, customer.address().line1())
                .set(CONTRACT_VERSIONS.POSTAL_CODE, customer.address().postalCode())
                .set(CONTRACT_VERSIONS.CITY, customer.address().city())
                .set(CONTRACT_VERSIONS.COUNTRY, customer.address().country())
                .set(CONTRACT_VERSIONS.BUYER_REFERENCE, customer.buyerReference())
                .set(CONTRACT_VERSIONS.NET_DAYS, terms.netDays())
                .set(CONTRACT_VERSIONS.DISCOUNT_PERCENT, terms.discountPercent())
                .set(CONTRACT_VERSIONS.DISCOUNT_DAYS, terms.discountDays())
                .set(CONTRACT_VERSIONS.CREDIT_LIMIT, c.creditLimit().amount())
                .set(CONTRACT_VERSIONS.CURRENCY, c.creditLimit().currency().code())
                .set(CONTRACT_VERSIONS.CHANGED_BY, actor)
                .set(CONTRACT_VERSIONS.CHANGED_AT, at(c.updatedAt()))
                .execute();
        List<AgreedPrice> prices = c.agreedPrices();
        if (!prices.isEmpty()) {
            db.insertInto(
                            CONTRACT_AGREED_PRICES,
                            CONTRACT_AGREED_PRICES.CONTRACT_ID,
                            CONTRACT_AGREED_PRICES.VERSION,
                            CONTRACT_AGREED_PRICES.POSITION,
                            CONTRACT_AGREED_PRICES.SKU,
                            CONTRACT_AGREED_PRICES.UNIT_PRICE)
                    .valuesOfRows(IntStream.range(0, prices.size())
                            .mapToObj(i -> row(
                                    c.id().value(),
                                    c.version(),
                                    i,
                                    prices.get(i).sku(),
                                    prices.get(i).unitPrice()))
                            .toList())
                    .execute();
        }
    }

    /** The contract at its current version, locked until the transaction ends. */
    @Transactional(propagation = Propagation.MANDATORY)
    Optional<Contract> lockForUpdate(ContractId id) {
        return current()
                .where(CONTRACTS.ID.eq(id.value()))
                .forUpdate()
                .of(CONTRACTS)
                .fetchOptional()
                .map(this::withPrices);
    }

    Optional<Contract> find(ContractId id) {
        return current().where(CONTRACTS.ID.eq(id.value())).fetchOptional().map(this::withPrices);
    }

    /** The customer and payment terms of that version (versions are never changed), or empty. */
    Optional<ContractTerms> termsAt(ContractId id, long version) {
        return db.selectFrom(CONTRACT_VERSIONS)
                .where(CONTRACT_VERSIONS.CONTRACT_ID.eq(id.value()))
                .and(CONTRACT_VERSIONS.VERSION.eq(version))
                .fetchOptional(r -> new ContractTerms(customer(r), paymentTerms(r)));
    }

    /** Newest first: up to {@code fetch} contracts after the position. */
    List<Contract> page(ContractQuery query, int fetch) {
        Condition condition = noCondition();
        if (query.channel() != null) {
            condition = condition.and(CONTRACTS.CHANNEL.eq(query.channel()));
        }
        if (query.status() != null) {
            condition = condition.and(CONTRACT_VERSIONS.STATUS.eq(query.status().apiName()));
        }
        if (query.after() != null) {
            condition = condition.and(row(CONTRACTS.CREATED_AT, CONTRACTS.ID)
                    .lt(at(query.after().createdAt()), query.after().id()));
        }
        Result<Record> rows = current()
                .where(condition)
                .orderBy(CONTRACTS.CREATED_AT.desc(), CONTRACTS.ID.desc())
                .limit(fetch)
                .fetch();
        Map<UUID, List<AgreedPrice>> prices = rows.isEmpty() ? Map.of() : currentPrices(rows);
        return rows.map(r -> contract(r, prices.getOrDefault(r.get(CONTRACTS.ID), List.of())));
    }

    private Contract withPrices(Record r) {
        return contract(r, currentPrices(List.of(r)).getOrDefault(r.get(CONTRACTS.ID), List.of()));
    }

    /** The agreed prices of each contract at the version of its row, in the order they were sent; one query. */
    private Map<UUID, List<AgreedPrice>> currentPrices(List<Record> contracts) {
        return db.select(
                        CONTRACT_AGREED_PRICES.CONTRACT_ID,
                        CONTRACT_AGREED_PRICES.SKU,
                        CONTRACT_AGREED_PRICES.UNIT_PRICE)
                .from(CONTRACT_AGREED_PRICES)
                .where(row(CONTRACT_AGREED_PRICES.CONTRACT_ID, CONTRACT_AGREED_PRICES.VERSION)
                        .in(contracts.stream()
                                .map(r -> row(r.get(CONTRACTS.ID), r.get(CONTRACTS.VERSION)))
                                .toList()))
                .orderBy(CONTRACT_AGREED_PRICES.CONTRACT_ID, CONTRACT_AGREED_PRICES.POSITION)
                .fetchGroups(CONTRACT_AGREED_PRICES.CONTRACT_ID, r -> new AgreedPrice(r.value2(), r.value3()));
    }

    private SelectOnConditionStep<Record> current() {
        return db.select(CONTRACTS.fields())
                .select(CONTRACT_VERSIONS.fields())
                .from(CONTRACTS)
                .join(CONTRACT_VERSIONS)
                .on(CONTRACT_VERSIONS.CONTRACT_ID.eq(CONTRACTS.ID))
                .and(CONTRACT_VERSIONS.VERSION.eq(CONTRACTS.VERSION));
    }

    private static Contract contract(Record r, List<AgreedPrice> agreedPrices) {
        CurrencyCode currency = CurrencyCode.of(r.get(CONTRACT_VERSIONS.CURRENCY));
        return new Contract(
                new ContractId(r.get(CONTRACTS.ID)),
                r.get(CONTRACTS.CHANNEL),
                r.get(CONTRACTS.VERSION),
                ContractStatus.fromApiName(r.get(CONTRACT_VERSIONS.STATUS))
                        .orElseThrow(() -> new IllegalStateException(
                                "Unknown contract status in the database: " + r.get(CONTRACT_VERSIONS.STATUS))),
                customer(r),
                paymentTerms(r),
                Money.of(r.get(CONTRACT_VERSIONS.CREDIT_LIMIT), currency),
                agreedPrices,
                r.get(CONTRACTS.CREATED_AT).toInstant(),
                r.get(CONTRACTS.UPDATED_AT).toInstant());
    }

    private static BusinessCustomer customer(Record r) {
        return new BusinessCustomer(
                r.get(CONTRACT_VERSIONS.COMPANY),
                r.get(CONTRACT_VERSIONS.VAT_ID),
                r.get(CONTRACT_VERSIONS.EMAIL),
                new BusinessCustomer.Address(
                        r.get(CONTRACT_VERSIONS.ADDRESS_LINE1),
                        r.get(CONTRACT_VERSIONS.POSTAL_CODE),
                        r.get(CONTRACT_VERSIONS.CITY),
                        r.get(CONTRACT_VERSIONS.COUNTRY)),
                r.get(CONTRACT_VERSIONS.BUYER_REFERENCE));
    }

    private static PaymentTerms paymentTerms(Record r) {
        return new PaymentTerms(
                r.get(CONTRACT_VERSIONS.NET_DAYS),
                r.get(CONTRACT_VERSIONS.DISCOUNT_PERCENT),
                r.get(CONTRACT_VERSIONS.DISCOUNT_DAYS));
    }

    private static OffsetDateTime at(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
