package io.orderhub.httpapi.testapp;

import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.table;

import org.jooq.DSLContext;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** An audit note kept even when the order's transaction rolls back: it needs a second connection meanwhile. */
@Service
public class WidgetAudit {

    private final DSLContext db;

    WidgetAudit(DSLContext db) {
        this.db = db;
    }

    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public int ordersSoFar() {
        return db.fetchCount(table("widget_order"), field("amount").isNotNull());
    }
}
