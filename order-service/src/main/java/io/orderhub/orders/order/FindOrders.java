package io.orderhub.orders.order;

import io.orderhub.orders.Caller;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reads orders for a caller; an order of another channel is not found, exactly like a missing one. */
@Service
public class FindOrders {

    private final OrderRepository orders;

    FindOrders(OrderRepository orders) {
        this.orders = orders;
    }

    @Transactional(readOnly = true)
    public OrderState byId(OrderId id, Caller caller) {
        return orders.find(id).filter(o -> caller.canSee(o.source())).orElseThrow(() -> notFound(id));
    }

    @Transactional(readOnly = true)
    public OrderState bySource(String source, String sourceOrderId, Caller caller) {
        if (!caller.canSee(source)) {
            throw new OrderNotFoundException("No order " + sourceOrderId + " of " + source);
        }
        return orders.findBySource(source, sourceOrderId)
                .orElseThrow(() -> new OrderNotFoundException("No order " + sourceOrderId + " of " + source));
    }

    /** Status history, oldest first. */
    @Transactional(readOnly = true)
    public List<HistoryEntry> history(OrderId id, Caller caller) {
        orders.sourceOf(id).filter(caller::canSee).orElseThrow(() -> notFound(id));
        return orders.history(id);
    }

    /**
     * A page of the caller's orders, newest first. A channel's key lists only its own channel; asking for
     * another channel's source gives an empty list, as if it had no orders.
     */
    @Transactional(readOnly = true)
    public OrderPage page(OrderQuery query, Caller caller) {
        OrderQuery visible = query;
        if (!caller.seesAllChannels()) {
            if (query.source() != null && !caller.canSee(query.source())) {
                return new OrderPage(List.of(), null);
            }
            visible = new OrderQuery(
                    caller.channel(),
                    query.status(),
                    query.customerEmail(),
                    query.createdFrom(),
                    query.createdTo(),
                    query.after(),
                    query.limit());
        }
        List<OrderState> found = orders.page(visible, query.limit() + 1);
        if (found.size() <= query.limit()) {
            return new OrderPage(found, null);
        }
        List<OrderState> page = found.subList(0, query.limit());
        OrderState last = page.get(page.size() - 1);
        return new OrderPage(
                List.copyOf(page),
                new OrderQuery.Position(last.createdAt(), last.id().value()));
    }

    private static OrderNotFoundException notFound(OrderId id) {
        return new OrderNotFoundException("No order " + id);
    }
}
