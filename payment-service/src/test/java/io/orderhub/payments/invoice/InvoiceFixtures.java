package io.orderhub.payments.invoice;

import io.orderhub.money.CurrencyCode;
import io.orderhub.money.Money;
import io.orderhub.payments.order.OnAccount;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Invoices as {@link Invoice#issue} makes them, for tests of what follows from one. */
final class InvoiceFixtures {

    private InvoiceFixtures() {}

    /** An invoice of the contract to Praxis Nord GmbH for the total, issued at the instant under the terms. */
    static Invoice anInvoice(
            UUID contractId, String total, String currency, OnAccount.PaymentTerms terms, Instant issued) {
        OnAccount account = new OnAccount(
                contractId,
                new OnAccount.Buyer(
                        "Praxis Nord GmbH",
                        null,
                        "a@b.example",
                        new OnAccount.Address("Hafenstr. 1", "20457", "Hamburg", "DE"),
                        null),
                terms,
                List.of(),
                new BigDecimal(total),
                BigDecimal.ZERO,
                BigDecimal.ZERO,
                BigDecimal.ZERO);
        return Invoice.issue(
                UUID.randomUUID(),
                "RE-" + issued.atZone(Invoice.ZONE).getYear() + "-000001",
                UUID.randomUUID(),
                "b2b",
                account,
                Money.of(new BigDecimal(total), CurrencyCode.of(currency)),
                issued,
                "admin");
    }
}
