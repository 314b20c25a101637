package io.orderhub.payments.invoice;

import io.orderhub.money.Money;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A payment reminder of an overdue invoice at one level of {@link DunningSchedule}: what was open then (fees not
 * included), the level's fee, how many days overdue, the day of the reminder (Europe/Berlin) and the new deadline.
 * Issued once per invoice and level, never changed.
 */
public record Reminder(
        UUID id,
        UUID invoiceId,
        int level,
        Money outstanding,
        Money fee,
        int daysOverdue,
        LocalDate remindedOn,
        LocalDate payBy,
        Instant issuedAt,
        String issuedBy) {}
