package io.orderhub.payments.bank;

import java.util.UUID;

/** No bank credit has this id: 404. */
public class BankCreditNotFound extends RuntimeException {

    public BankCreditNotFound(UUID id) {
        super("No bank credit " + id);
    }
}
