package io.orderhub.orders.order;

import java.time.Instant;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Orders created in [from, to) per channel and currency, optionally per hour: the console's overview. */
@Service
public class CountOrders {

    private final OrderRepository orders;

    CountOrders(OrderRepository orders) {
        this.orders = orders;
    }

    /** Ordered by hour, channel and currency; hours, channels and currencies without orders are absent. */
    @Transactional(readOnly = true)
    public List<OrderFigure> in(Instant from, Instant to, boolean perHour) {
        return orders.figures(from, to, perHour);
    }
}
