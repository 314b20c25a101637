package io.orderhub.payments.reconciliation;

import io.orderhub.payments.payment.Payment;
import io.orderhub.payments.payment.PaymentRepository;
import io.orderhub.payments.payment.PaymentRepository.Booked;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/** A run's short transactions: reading the hub's side, and storing the outcome with its mismatches at once. */
@Component
class RunSteps {

    /** References per query: well under PostgreSQL's bind limit, and small enough to plan by index. */
    private static final int CHUNK = 1000;

    private final ReconciliationRepository runs;
    private final PaymentRepository payments;

    RunSteps(ReconciliationRepository runs, PaymentRepository payments) {
        this.runs = runs;
        this.payments = payments;
    }

    @Transactional(readOnly = true)
    Optional<ReconciliationRun> find(UUID id) {
        return runs.find(id);
    }

    @Transactional(readOnly = true)
    Optional<ReconciliationRun> lastCompleted(String provider) {
        return runs.lastCompleted(provider);
    }

    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    List<Booked> inWindow(String provider, Instant from, Instant to) {
        return payments.booked(provider, from, to);
    }

    /** The hub's payments of the provider with these references or ids, a chunk of each per query. */
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    List<Booked> known(String provider, List<String> references, List<UUID> ids) {
        List<Booked> found = new ArrayList<>();
        for (int i = 0; i < Math.max(references.size(), ids.size()); i += CHUNK) {
            found.addAll(payments.booked(
                    provider,
                    references.subList(Math.min(i, references.size()), Math.min(i + CHUNK, references.size())),
                    ids.subList(Math.min(i, ids.size()), Math.min(i + CHUNK, ids.size()))));
        }
        return found;
    }

    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    Optional<Payment> payment(UUID id) {
        return payments.find(id);
    }

    /** False when the run was abandoned meanwhile (its lease ran out): its outcome is not stored then. */
    @Transactional
    boolean complete(UUID id, int providerPayments, int hubPayments, List<Mismatch> mismatches, Instant now) {
        return runs.complete(id, providerPayments, hubPayments, mismatches, now);
    }

    @Transactional
    void fail(UUID id, String failure, Instant now) {
        runs.fail(id, failure, now);
    }
}
