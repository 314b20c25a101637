package io.orderhub.payments.repair;

import io.orderhub.payments.payment.Payment;
import io.orderhub.payments.payment.PaymentRepository;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/** The repair worker's short transactions: claiming due work under a lease, and scheduling the next look. */
@Component
class RepairSteps {

    private final PaymentRepository repository;

    RepairSteps(PaymentRepository repository) {
        this.repository = repository;
    }

    @Transactional
    List<UUID> claimPayments(Instant now, Duration lease, int limit) {
        return repository.claimDuePayments(now, lease, limit);
    }

    @Transactional
    List<PaymentRepository.DueRefund> claimRefunds(Instant now, Duration lease, int limit) {
        return repository.claimDueRefunds(now, lease, limit);
    }

    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    Optional<Payment> load(UUID id) {
        return repository.find(id);
    }

    @Transactional
    int paymentChecks(UUID id) {
        return repository.paymentChecks(id);
    }

    @Transactional
    int refundChecks(UUID id) {
        return repository.refundChecks(id);
    }

    @Transactional
    void schedulePayment(UUID id, Instant next, boolean countCheck) {
        repository.scheduleCheck(id, next, countCheck);
    }

    @Transactional
    void scheduleRefund(UUID id, Instant next, boolean countCheck) {
        repository.scheduleRefundCheck(id, next, countCheck);
    }
}
