package io.orderhub.payments.payment;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads payments as a caller may see them: published payments of its own channel (admin: all). A payment of
 * another channel is as absent as one that does not exist. A payment is read with several statements (row,
 * refunds, dispute): one snapshot (repeatable read) keeps them from showing halves of two changes.
 */
@Service
public class FindPayments {

    private final PaymentRepository repository;

    FindPayments(PaymentRepository repository) {
        this.repository = repository;
    }

    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public Optional<Payment> byId(UUID id, Caller caller) {
        return repository.find(id).filter(p -> p.published() && caller.canSee(p.source()));
    }

    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public List<Payment> list(
            Caller caller, UUID orderId, String status, String provider, Instant afterAt, UUID afterId, int limit) {
        return repository.list(
                caller.seesAllChannels() ? null : Set.of(caller.channel()),
                orderId,
                status,
                provider,
                afterAt,
                afterId,
                limit);
    }

    /** One page of the stuck payments (all channels: an operator's read) and how many there are in all. */
    public record Stuck(List<Payment> page, int total) {}

    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public Stuck stuck(Instant unchangedSince, Instant afterAt, UUID afterId, int limit) {
        return new Stuck(
                repository.stuck(unchangedSince, afterAt, afterId, limit), repository.countStuck(unchangedSince));
    }

    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public Optional<List<HistoryEntry>> history(UUID id, Caller caller) {
        return byId(id, caller).map(p -> repository.history(p.id()));
    }
}
