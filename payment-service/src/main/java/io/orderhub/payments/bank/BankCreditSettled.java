package io.orderhub.payments.bank;

import java.util.UUID;

/** The credit pays another invoice already: 409 naming it. */
public class BankCreditSettled extends RuntimeException {

    private final UUID invoiceId;

    BankCreditSettled(BankCredit credit) {
        super("The bank credit pays invoice " + credit.invoiceId() + " already ("
                + credit.status().wireName() + ")");
        this.invoiceId = credit.invoiceId();
    }

    public UUID invoiceId() {
        return invoiceId;
    }
}
