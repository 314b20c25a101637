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

    /**
     * The invoice of the b2b order the integration tests feed: 40 boxes of gloves at 8.90 (356.00 net, 19 % VAT,
     * 423.64 gross) to Praxis Nord GmbH with its Leitweg-ID, 30 days net or 2 % within 10 days.
     */
    static Invoice aGloveInvoice() {
        OnAccount account = new OnAccount(
                UUID.randomUUID(),
                new OnAccount.Buyer(
                        "Praxis Nord GmbH",
                        "DE123456789",
                        "buchhaltung@praxis-nord.example",
                        new OnAccount.Address("Hafenstr. 1", "20457", "Hamburg", "DE"),
                        "04011000-12345-67"),
                new OnAccount.PaymentTerms(30, new BigDecimal("2"), 10),
                List.of(new OnAccount.Line(
                        "Untersuchungshandschuhe M, 100 St.",
                        "HANDSCHUH-M-100",
                        40,
                        new BigDecimal("8.90"),
                        new BigDecimal("356.00"),
                        new BigDecimal("0.19"),
                        new BigDecimal("67.64"))),
                new BigDecimal("356.00"),
                new BigDecimal("67.64"),
                BigDecimal.ZERO,
                BigDecimal.ZERO);
        return Invoice.issue(
                UUID.randomUUID(),
                "RE-2026-000042",
                UUID.randomUUID(),
                "b2b",
                account,
                Money.of(new BigDecimal("423.64"), CurrencyCode.of("EUR")),
                Instant.parse("2026-12-06T10:00:00Z"),
                "admin");
    }

    /** Example seller settings (a made-up company, a valid test IBAN). */
    static SellerSettings aSeller() {
        return new SellerSettings(
                "Order Hub Handels GmbH",
                "Beispielweg 5",
                "10115",
                "Berlin",
                "DE",
                "DE987654321",
                "DE02120300000000202051",
                "BYLADEM1001",
                "Erika Mustermann",
                "+49 30 1234567",
                "rechnung@orderhub.example");
    }

    /** The invoice with other credit notes, reminders and paid amount: what happened since it was issued. */
    static Invoice with(Invoice i, List<CreditNote> notes, List<Reminder> reminders, Money paid) {
        return new Invoice(
                i.id(),
                i.number(),
                i.orderId(),
                i.contractId(),
                i.source(),
                i.amounts(),
                i.issuedAt(),
                i.dueDate(),
                i.discountDate(),
                i.discountAmount(),
                i.issued(),
                i.issuedBy(),
                notes,
                reminders,
                paid);
    }
}
