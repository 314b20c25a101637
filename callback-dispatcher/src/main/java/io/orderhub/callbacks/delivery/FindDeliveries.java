package io.orderhub.callbacks.delivery;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Lists deliveries, newest first, with their attempts. A channel's key sees its own channel's only. */
@Service
public class FindDeliveries {

    private final DeliveryRepository deliveries;

    FindDeliveries(DeliveryRepository deliveries) {
        this.deliveries = deliveries;
    }

    @Transactional(readOnly = true)
    public DeliveryPage find(DeliveryFilter filter, Caller caller, DeliveryPage.Position after, int limit) {
        DeliveryFilter visible = filter;
        if (!caller.seesAllChannels()) {
            if (filter.channel() != null && !filter.channel().equals(caller.channel())) {
                return new DeliveryPage(List.of(), Map.of(), null);
            }
            visible = new DeliveryFilter(filter.orderId(), filter.status(), caller.channel());
        }
        List<Delivery> rows = deliveries.page(visible, after, limit);
        List<Delivery> page = rows.size() > limit ? rows.subList(0, limit) : rows;
        DeliveryPage.Position next = rows.size() > limit
                ? new DeliveryPage.Position(
                        page.get(page.size() - 1).createdAt(),
                        page.get(page.size() - 1).id())
                : null;
        return new DeliveryPage(
                page, deliveries.attemptsOf(page.stream().map(Delivery::id).toList()), next);
    }

    @Transactional(readOnly = true)
    public Map<UUID, List<Attempt>> attemptsOf(UUID deliveryId) {
        return deliveries.attemptsOf(List.of(deliveryId));
    }
}
