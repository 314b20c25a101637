package io.orderhub.payments.payment;

import java.time.Instant;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Published payments created in [from, to) per provider, currency and status, optionally per hour: the
 * console's overview. All channels: for admin keys.
 */
@Service
public class CountPayments {

    private final PaymentRepository repository;

    CountPayments(PaymentRepository repository) {
        this.repository = repository;
    }

    /** Ordered by hour, provider, currency and status; combinations without payments are absent. */
    @Transactional(readOnly = true)
    public List<PaymentFigure> in(Instant from, Instant to, boolean perHour) {
        return repository.figures(from, to, perHour);
    }
}
