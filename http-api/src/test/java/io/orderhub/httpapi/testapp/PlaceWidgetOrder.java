package io.orderhub.httpapi.testapp;

import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.table;

import io.orderhub.httpapi.problem.ApiException;
import io.orderhub.httpapi.problem.ProblemType;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.jooq.DSLContext;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** A use case with an effect the tests can count: one row per placed order. */
@Service
public class PlaceWidgetOrder {

    private final DSLContext db;
    private final WidgetAudit audit;

    PlaceWidgetOrder(DSLContext db, WidgetAudit audit) {
        this.db = db;
        this.audit = audit;
    }

    @Transactional
    public UUID place(String source, String reference, BigDecimal amount) {
        UUID id = UUID.randomUUID();
        if (WidgetController.audited.get()) {
            audit.ordersSoFar();
        }
        try {
            db.insertInto(table("widget_order"), field("id"), field("source"), field("reference"), field("amount"))
                    .values(id, source, reference, amount)
                    .execute();
        } catch (DuplicateKeyException e) {
            throw new ApiException(
                    ProblemType.CONFLICT,
                    "reference " + reference + " exists",
                    List.of(),
                    Map.of("reference", reference));
        }
        return id;
    }

    @Transactional(readOnly = true)
    public Map<String, Object> find(UUID id) {
        var row = db.select(field("source", String.class), field("reference", String.class))
                .from(table("widget_order"))
                .where(field("id", UUID.class).eq(id))
                .fetchOne();
        return row == null ? null : Map.of("id", id, "source", row.value1(), "reference", row.value2());
    }

    /** A slow report: signals {@code holding} once it has its connection, keeps it until the gate opens. */
    @Transactional(readOnly = true)
    public int countSlowly(CountDownLatch holding, CountDownLatch gate) throws InterruptedException {
        int count = db.fetchCount(table("widget_order"));
        holding.countDown();
        gate.await(30, TimeUnit.SECONDS);
        return count;
    }

    public int count(String reference) {
        return db.fetchCount(
                table("widget_order"), field("reference", String.class).eq(reference));
    }
}
