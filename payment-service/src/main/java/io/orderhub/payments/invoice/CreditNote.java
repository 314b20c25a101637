package io.orderhub.payments.invoice;

import io.orderhub.money.Money;
import java.time.Instant;
import java.util.UUID;

/** Part or all of an invoice taken back, numbered in the credit notes' own series. */
public record CreditNote(
        UUID id, String number, UUID invoiceId, Money amount, String reason, Instant issuedAt, String issuedBy) {}
