package io.orderhub.orders.contract;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The contract an order on account is placed under, locked in the order's transaction: a second order of the
 * same contract waits until the first commits or rolls back, and then sums the receivables with it, so two
 * orders racing never both pass the credit limit.
 */
@Service
public class LockContract {

    private final ContractRepository contracts;

    LockContract(ContractRepository contracts) {
        this.contracts = contracts;
    }

    /** The contract at its current version, locked; a missing one is refused as the order's field. */
    @Transactional(propagation = Propagation.MANDATORY)
    public Contract forOrder(ContractId id) {
        return contracts
                .lockForUpdate(id)
                .orElseThrow(() -> InvalidContractException.of("contract_id", ContractInput.NO_SUCH_CONTRACT));
    }
}
