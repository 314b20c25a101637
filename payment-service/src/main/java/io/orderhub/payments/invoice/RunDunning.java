package io.orderhub.payments.invoice;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * A dunning run for Europe/Berlin's day: looks at the invoices that may be due for a reminder and reminds each that
 * is ({@link RemindInvoice}, one transaction per invoice, at most one new reminder per invoice and day). A failure
 * of one invoice is logged and counted, and the run goes on with the next.
 */
@Service
public class RunDunning {

    private static final Logger log = LoggerFactory.getLogger(RunDunning.class);
    private static final int BATCH = 500;

    private final InvoiceRepository invoices;
    private final RemindInvoice remind;
    private final DunningSettings settings;
    private final Clock clock;

    RunDunning(InvoiceRepository invoices, RemindInvoice remind, DunningSettings settings, Clock clock) {
        this.invoices = invoices;
        this.remind = remind;
        this.settings = settings;
        this.clock = clock;
    }

    /** What a run did: the day, the invoices it looked at, the reminders it issued per level, the failures. */
    public record Result(LocalDate day, int lookedAt, Map<Integer, Integer> issuedByLevel, int failed) {

        public Result {
            issuedByLevel = Collections.unmodifiableMap(new TreeMap<>(issuedByLevel));
        }

        public int issued() {
            return issuedByLevel.values().stream().mapToInt(Integer::intValue).sum();
        }
    }

    public Result run(String actor) {
        LocalDate today = clock.instant().atZone(Invoice.ZONE).toLocalDate();
        DunningSchedule schedule = settings.levels();
        Map<Integer, Integer> issued = new TreeMap<>();
        schedule.levels().forEach(level -> issued.put(level.level(), 0));
        int lookedAt = 0;
        int failed = 0;
        UUID after = null;
        List<UUID> batch;
        do {
            batch = invoices.dunningCandidates(
                    today.minusDays(schedule.firstDays()), schedule.levels().size(), after, BATCH);
            for (UUID invoiceId : batch) {
                lookedAt++;
                try {
                    remind.remind(invoiceId, schedule, today, actor)
                            .ifPresent(reminder -> issued.merge(reminder.level(), 1, Integer::sum));
                } catch (RuntimeException e) {
                    failed++;
                    log.warn("Dunning run: invoice {} not reminded: {}", invoiceId, e.toString());
                }
                after = invoiceId;
            }
        } while (batch.size() == BATCH);
        Result result = new Result(today, lookedAt, issued, failed);
        log.info(
                "Dunning run of {} by {}: {} invoices looked at, reminders issued per level {}, {} failed",
                today,
                actor,
                lookedAt,
                result.issuedByLevel(),
                failed);
        return result;
    }
}
