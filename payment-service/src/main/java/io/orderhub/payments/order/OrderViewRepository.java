package io.orderhub.payments.order;

import static io.orderhub.payments.jooq.Tables.ORDER_VIEW;

import io.orderhub.money.CurrencyCode;
import io.orderhub.money.Money;
import io.orderhub.payments.jooq.tables.records.OrderViewRecord;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.JSONB;
import org.springframework.stereotype.Repository;

@Repository
class OrderViewRepository {

    private final DSLContext db;

    OrderViewRepository(DSLContext db) {
        this.db = db;
    }

    Optional<OrderView> find(UUID id) {
        return db.selectFrom(ORDER_VIEW)
                .where(ORDER_VIEW.ID.eq(id))
                .fetchOptional()
                .map(OrderViewRepository::view);
    }

    /**
     * The order with its row locked until the transaction ends: what is open on it is decided under this lock,
     * so two recorded payments never both take the same open amount.
     */
    Optional<OrderView> lock(UUID id) {
        return db.selectFrom(ORDER_VIEW)
                .where(ORDER_VIEW.ID.eq(id))
                .forUpdate()
                .fetchOptional()
                .map(OrderViewRepository::view);
    }

    /** Answers the status the order had before, or empty when this version is not newer than the stored one. */
    Optional<String> upsertIfNewer(
            UUID id,
            String source,
            String currency,
            BigDecimal grandTotal,
            BigDecimal paidAmount,
            String status,
            long version,
            OnAccount onAccount) {
        UUID contractId = onAccount == null ? null : onAccount.contractId();
        JSONB account = onAccount == null ? null : JSONB.valueOf(AccountJson.write(onAccount));
        OrderViewRecord before = db.selectFrom(ORDER_VIEW)
                .where(ORDER_VIEW.ID.eq(id))
                .forUpdate()
                .fetchOne();
        if (before != null && before.getVersion() >= version) {
            return Optional.empty();
        }
        db.insertInto(ORDER_VIEW)
                .set(ORDER_VIEW.ID, id)
                .set(ORDER_VIEW.SOURCE, source)
                .set(ORDER_VIEW.CURRENCY, currency)
                .set(ORDER_VIEW.GRAND_TOTAL, grandTotal)
                .set(ORDER_VIEW.PAID_AMOUNT, paidAmount)
                .set(ORDER_VIEW.STATUS, status)
                .set(ORDER_VIEW.VERSION, version)
                .set(ORDER_VIEW.CONTRACT_ID, contractId)
                .set(ORDER_VIEW.ACCOUNT, account)
                .onConflict(ORDER_VIEW.ID)
                .doUpdate()
                .set(ORDER_VIEW.CURRENCY, currency)
                .set(ORDER_VIEW.GRAND_TOTAL, grandTotal)
                .set(ORDER_VIEW.PAID_AMOUNT, paidAmount)
                .set(ORDER_VIEW.STATUS, status)
                .set(ORDER_VIEW.VERSION, version)
                .set(ORDER_VIEW.CONTRACT_ID, contractId)
                .set(ORDER_VIEW.ACCOUNT, account)
                .set(ORDER_VIEW.UPDATED_AT, OffsetDateTime.now())
                .where(ORDER_VIEW.VERSION.lt(version))
                .execute();
        return Optional.of(before == null ? "" : before.getStatus());
    }

    private static OrderView view(OrderViewRecord row) {
        CurrencyCode currency = CurrencyCode.of(row.getCurrency());
        return new OrderView(
                row.getId(),
                row.getSource(),
                currency,
                Money.of(row.getGrandTotal(), currency),
                Money.of(row.getPaidAmount(), currency),
                row.getStatus(),
                row.getVersion(),
                row.getAccount() == null
                        ? null
                        : AccountJson.read(row.getAccount().data(), OnAccount.class));
    }
}
