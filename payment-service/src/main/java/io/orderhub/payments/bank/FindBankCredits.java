package io.orderhub.payments.bank;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reads bank credits: one, or a page oldest first (an operator works through the unmatched ones in order). */
@Service
public class FindBankCredits {

    private final BankCreditRepository credits;

    FindBankCredits(BankCreditRepository credits) {
        this.credits = credits;
    }

    @Transactional(readOnly = true)
    public BankCredit byId(UUID id) {
        return credits.find(id).orElseThrow(() -> new BankCreditNotFound(id));
    }

    /** {@code status} null for all; {@code afterAt}/{@code afterId} the last credit of the previous page, or null. */
    @Transactional(readOnly = true)
    public List<BankCredit> list(BankCredit.Status status, Instant afterAt, UUID afterId, int limit) {
        return credits.page(status, afterAt, afterId, limit);
    }
}
