package io.orderhub.orders.order;

import io.orderhub.messaging.id.Ids;
import java.util.Objects;
import java.util.UUID;

public record OrderId(UUID value) {

    public OrderId {
        Objects.requireNonNull(value, "value");
    }

    static OrderId next() {
        return new OrderId(Ids.next());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
