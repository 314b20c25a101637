package io.orderhub.payments.order;

import static io.orderhub.payments.jooq.Tables.ORDER_VIEW;

import io.orderhub.events.OrderEvent;
import io.orderhub.events.OrderSnapshot;
import io.orderhub.messaging.inbox.Inbox;
import io.orderhub.schemas.EventTopic;
import org.jooq.DSLContext;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Keeps the order read model: each event once (inbox), never an older version over a newer one. */
@Service
public class ApplyOrderEvent {

    private final DSLContext db;
    private final Inbox inbox;

    ApplyOrderEvent(DSLContext db, Inbox inbox) {
        this.db = db;
        this.inbox = inbox;
    }

    @Transactional
    public void apply(OrderEvent event) {
        if (!inbox.firstDelivery(event.getEventId(), EventTopic.ORDER_EVENTS.topicName())) {
            return;
        }
        OrderSnapshot order = event.getOrder();
        db.insertInto(ORDER_VIEW)
                .set(ORDER_VIEW.ID, order.getId())
                .set(ORDER_VIEW.SOURCE, order.getSource())
                .set(ORDER_VIEW.CURRENCY, order.getCurrency())
                .set(ORDER_VIEW.GRAND_TOTAL, order.getGrandTotal())
                .set(ORDER_VIEW.STATUS, order.getStatus().name())
                .set(ORDER_VIEW.VERSION, event.getVersion())
                .onConflict(ORDER_VIEW.ID)
                .doUpdate()
                .set(ORDER_VIEW.CURRENCY, order.getCurrency())
                .set(ORDER_VIEW.GRAND_TOTAL, order.getGrandTotal())
                .set(ORDER_VIEW.STATUS, order.getStatus().name())
                .set(ORDER_VIEW.VERSION, event.getVersion())
                .set(ORDER_VIEW.UPDATED_AT, org.jooq.impl.DSL.currentOffsetDateTime())
                .where(ORDER_VIEW.VERSION.lt(event.getVersion()))
                .execute();
    }
}
