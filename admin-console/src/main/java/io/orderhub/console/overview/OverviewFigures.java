package io.orderhub.console.overview;

import io.orderhub.console.hub.HubClient;
import io.orderhub.console.hub.HubRefusal;
import io.orderhub.console.hub.HubUnavailable;
import io.orderhub.console.hub.Views.OrderFigure;
import io.orderhub.console.hub.Views.Page;
import io.orderhub.console.hub.Views.PaymentFigure;
import io.orderhub.console.kafka.KafkaReads;
import io.orderhub.console.overview.Snapshot.Count;
import io.orderhub.console.overview.Snapshot.Hour;
import io.orderhub.console.overview.Snapshot.OrderRow;
import io.orderhub.console.overview.Snapshot.Part;
import io.orderhub.console.overview.Snapshot.PaymentRow;
import io.orderhub.console.overview.Snapshot.Payments;
import io.orderhub.console.overview.Snapshot.Rate;
import io.orderhub.console.payment.StuckPayments;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Reads the overview's figures at most once per {@code ADMIN_OVERVIEW_REFRESH}, whoever asks: every page
 * and every live stream shares the last snapshot while it is fresh. Per service two reads (this week; the
 * last 24 hours per hour, of which today is the part since midnight), the stuck payments, the failing and
 * dead-lettered callbacks' first pages, and Kafka.
 */
@Component
public class OverviewFigures {

    private static final Logger log = LoggerFactory.getLogger(OverviewFigures.class);

    private static final Set<String> SUCCEEDED = Set.of("succeeded", "partially_refunded", "refunded");
    private static final Set<String> UNSUCCESSFUL = Set.of("failed", "cancelled", "expired");

    private final HubClient hub;
    private final StuckPayments stuck;
    private final KafkaReads kafka;
    private final Duration refresh;
    private final Clock clock;
    private @Nullable Snapshot last;
    private long reads;

    OverviewFigures(
            HubClient hub,
            StuckPayments stuck,
            KafkaReads kafka,
            @Value("${orderhub.console.overview.refresh}") Duration refresh) {
        this.hub = hub;
        this.stuck = stuck;
        this.kafka = kafka;
        this.refresh = refresh;
        this.clock = Clock.systemUTC();
    }

    public Duration refresh() {
        return refresh;
    }

    /** The last snapshot while it is younger than the refresh interval, else a new one. */
    public synchronized Snapshot current() {
        Instant now = clock.instant();
        if (last == null || !last.readAt().plus(refresh).isAfter(now)) {
            return readNow();
        }
        return last;
    }

    /** A new snapshot, which pages opened before the next refresh then share. */
    public synchronized Snapshot readNow() {
        reads++;
        last = read(clock.instant());
        return last;
    }

    /** How many snapshots were read since start-up. */
    public synchronized long reads() {
        return reads;
    }

    private Snapshot read(Instant now) {
        Instant today = now.truncatedTo(ChronoUnit.DAYS);
        Instant week = today.atZone(ZoneOffset.UTC)
                .with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY))
                .toInstant();
        Instant hoursFrom = now.truncatedTo(ChronoUnit.HOURS).minus(23, ChronoUnit.HOURS);

        Part<List<OrderFigure>> orderHours = part("order figures", () -> hub.orderFigures(hoursFrom, now, true));
        Part<List<OrderFigure>> orderWeek = part("order figures", () -> hub.orderFigures(week, now, false));
        Part<List<PaymentFigure>> paymentHours =
                part("payment figures", () -> hub.paymentFigures(hoursFrom, now, true));
        Part<List<PaymentFigure>> paymentWeek = part("payment figures", () -> hub.paymentFigures(week, now, false));

        return new Snapshot(
                now,
                today,
                week,
                both(orderHours, orderWeek, (hours, all) -> orders(hours, all, today)),
                both(paymentHours, paymentWeek, (hours, all) -> payments(hours, all, today)),
                both(orderHours, paymentHours, (orders, payments) -> hours(orders, payments, hoursFrom)),
                part("callbacks", () -> count(hub.deliveries(null, "failed", null, null))),
                part("callbacks", () -> count(hub.deliveries(null, "dead_lettered", null, null))),
                part("stuck payments", () -> stuck.now().total()),
                stuck.after(),
                kafka.configured()
                        ? part("Kafka", kafka::read)
                        : Part.failed("not configured (ADMIN_CONSOLE_KAFKA_BOOTSTRAP_SERVERS)"));
    }

    private static List<OrderRow> orders(List<OrderFigure> hours, List<OrderFigure> week, Instant today) {
        Map<String, OrderRow> rows = new TreeMap<>();
        for (OrderFigure figure : week) {
            rows.put(
                    figure.channel() + " " + figure.currency(),
                    new OrderRow(
                            figure.channel(),
                            figure.currency(),
                            0,
                            figure.amount().multiply(BigDecimal.ZERO),
                            figure.orders(),
                            figure.amount()));
        }
        for (OrderFigure figure : hours) {
            OrderRow row = rows.get(figure.channel() + " " + figure.currency());
            if (row == null || figure.hour() == null || figure.hour().isBefore(today)) {
                continue;
            }
            rows.put(
                    figure.channel() + " " + figure.currency(),
                    new OrderRow(
                            row.channel(),
                            row.currency(),
                            row.todayOrders() + figure.orders(),
                            row.todayAmount().add(figure.amount()),
                            row.weekOrders(),
                            row.weekAmount()));
        }
        return List.copyOf(rows.values());
    }

    private static Payments payments(List<PaymentFigure> hours, List<PaymentFigure> week, Instant today) {
        Map<String, PaymentRow> rows = new TreeMap<>();
        for (PaymentFigure figure : week) {
            rows.merge(key(figure), row(figure, false), OverviewFigures::add);
        }
        for (PaymentFigure figure : hours) {
            if (figure.hour() != null && !figure.hour().isBefore(today) && rows.containsKey(key(figure))) {
                rows.merge(key(figure), row(figure, true), OverviewFigures::add);
            }
        }
        Rate todaySuccess = new Rate(0, 0);
        Rate weekSuccess = new Rate(0, 0);
        for (PaymentFigure figure : hours) {
            if (figure.hour() != null && !figure.hour().isBefore(today)) {
                todaySuccess = todaySuccess.plus(rate(figure));
            }
        }
        for (PaymentFigure figure : week) {
            weekSuccess = weekSuccess.plus(rate(figure));
        }
        return new Payments(List.copyOf(rows.values()), todaySuccess, weekSuccess);
    }

    private static String key(PaymentFigure figure) {
        return figure.provider() + " " + figure.currency();
    }

    /** One figure as a row's part: today's or this week's. */
    private static PaymentRow row(PaymentFigure figure, boolean today) {
        BigDecimal zero = figure.amount().multiply(BigDecimal.ZERO);
        BigDecimal received = SUCCEEDED.contains(figure.status()) ? figure.amount() : zero;
        return today
                ? new PaymentRow(
                        figure.provider(), figure.currency(), figure.payments(), received, 0, zero, new Rate(0, 0))
                : new PaymentRow(
                        figure.provider(), figure.currency(), 0, zero, figure.payments(), received, rate(figure));
    }

    private static PaymentRow add(PaymentRow a, PaymentRow b) {
        return new PaymentRow(
                a.provider(),
                a.currency(),
                a.todayPayments() + b.todayPayments(),
                a.todayReceived().add(b.todayReceived()),
                a.weekPayments() + b.weekPayments(),
                a.weekReceived().add(b.weekReceived()),
                a.weekSuccess().plus(b.weekSuccess()));
    }

    private static Rate rate(PaymentFigure figure) {
        if (SUCCEEDED.contains(figure.status())) {
            return new Rate(figure.payments(), figure.payments());
        }
        return new Rate(0, UNSUCCESSFUL.contains(figure.status()) ? figure.payments() : 0);
    }

    private static List<Hour> hours(List<OrderFigure> orders, List<PaymentFigure> payments, Instant from) {
        List<Hour> hours = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            Instant start = from.plus(i, ChronoUnit.HOURS);
            long orderCount = orders.stream()
                    .filter(figure -> start.equals(figure.hour()))
                    .mapToLong(OrderFigure::orders)
                    .sum();
            long paymentCount = payments.stream()
                    .filter(figure -> start.equals(figure.hour()))
                    .mapToLong(PaymentFigure::payments)
                    .sum();
            hours.add(new Hour(start, orderCount, paymentCount));
        }
        return hours;
    }

    private static Count count(Page<?> page) {
        return new Count(page.items().size(), page.nextCursor() != null);
    }

    private static <A, B, T> Part<T> both(Part<A> a, Part<B> b, java.util.function.BiFunction<A, B, T> combine) {
        if (a.value() == null || b.value() == null) {
            return Part.failed(a.problem() != null ? a.problem() : String.valueOf(b.problem()));
        }
        return Part.of(combine.apply(a.value(), b.value()));
    }

    /** One read; a service or Kafka that does not answer is a short problem, logged once per read. */
    private static <T> Part<T> part(String what, Supplier<T> read) {
        try {
            return Part.of(read.get());
        } catch (HubUnavailable | KafkaReads.Unavailable e) {
            log.warn("The overview could not read {}: {}", what, e.getMessage());
            return Part.failed(what + ": " + e.getMessage());
        } catch (HubRefusal e) {
            log.warn("The overview's read of {} was refused ({})", what, e.status());
            return Part.failed(what + ": refused (" + e.status() + ")");
        }
    }
}
