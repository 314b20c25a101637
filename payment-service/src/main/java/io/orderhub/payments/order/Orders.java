package io.orderhub.payments.order;

import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/** Reads the order read model; {@link #await} gives an order event that is still on its way time to arrive. */
@Service
public class Orders {

    private static final Duration POLL = Duration.ofMillis(100);

    private final OrderViewRepository repository;

    Orders(OrderViewRepository repository) {
        this.repository = repository;
    }

    @Transactional(readOnly = true)
    public Optional<OrderView> find(UUID orderId) {
        return repository.find(orderId);
    }

    /** The order, its row locked until the caller's transaction ends (lock it before any of its payments). */
    @Transactional(propagation = Propagation.MANDATORY)
    public Optional<OrderView> lock(UUID orderId) {
        return repository.lock(orderId);
    }

    /**
     * The order, waiting up to {@code patience} for its event: a channel may post a payment right after the
     * order, before order-service's event reached this service. Polls the read model (each read its own short
     * transaction) rather than holding a connection; the wait is bounded, so a request never hangs.
     *
     * <p>Inside a transaction it reads once and does not wait: waiting would hold the transaction's connection,
     * and when as many requests wait as the pool has connections, the consumer that brings the awaited events
     * gets none — the requests time out, clients retry, and the pool stays starved (FaultBench's SIGSTOP of
     * payment-service, whose order events fell behind, kept it so for minutes). Callers in a transaction await
     * before it begins.
     */
    public Optional<OrderView> await(UUID orderId, Duration patience) {
        if (TransactionSynchronizationManager.isActualTransactionActive()) {
            return repository.find(orderId);
        }
        long deadline = System.nanoTime() + patience.toNanos();
        while (true) {
            Optional<OrderView> order = repository.find(orderId);
            if (order.isPresent() || System.nanoTime() >= deadline) {
                return order;
            }
            try {
                Thread.sleep(POLL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Optional.empty();
            }
        }
    }
}
