package io.orderhub.payments;

import static io.orderhub.payments.BankStatementFiles.reference;
import static io.orderhub.payments.BankStatementFiles.statement;
import static org.assertj.core.api.Assertions.assertThat;

import io.orderhub.events.InvoiceEvent;
import io.orderhub.events.InvoiceEventType;
import io.orderhub.events.OrderStatus;
import io.orderhub.payments.invoice.RunDunning;
import io.orderhub.schemas.EventTopic;
import io.orderhub.testsupport.SettableClock;
import io.orderhub.testsupport.TestKafka;
import io.orderhub.testsupport.TopicRecorder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Dunning against the real database and broker, the days moved by the service's clock ({@link SettableClock}) instead of
 * waited for:
 * invoices of 7 days net reminded at 14, 28 and 42 days past the due date (fees 0, 5.00, 10.00), one level per
 * invoice and day, never when paid or credited, each reminder once however many runs there are, and each published
 * once as an {@code InvoiceEvent} {@code REMINDER_ISSUED}. The context has a clock of its own (so a database of its
 * own) and its own consumer group, so that it reads every order event it is sent. Each test works in a year of its
 * own; invoices of earlier years may get their next level in a later test's run, which no test counts on — the
 * admin trigger's test, which counts, works in the earliest year.
 */
@Import(DunningIT.Days.class)
@TestPropertySource(
        properties = {
            "spring.kafka.consumer.group-id=dunning-it-${random.uuid}",
            "DUNNING_SCHEDULE=14d,28d:5.00,42d:10.00",
            "DUNNING_GRACE=10d",
            "DUNNING_RUN_AT=-"
        })
class DunningIT extends PaymentsTestBase {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final Feed.Terms NET_7 = new Feed.Terms(7, null, null);
    private static final TopicRecorder INVOICE_EVENTS =
            TopicRecorder.record(TestKafka.bootstrapServers(), EventTopic.INVOICE_EVENTS.topicName());

    @Autowired
    SettableClock clock;

    @Autowired
    RunDunning dunning;

    @Test
    void remindsAtEachLevelOnItsDayOnceWithItsFeeAndPublishesEachReminderOnce() {
        today(LocalDate.of(2030, 3, 4));
        Issued invoice = invoice("423.64");
        LocalDate due = invoice.dueDate();
        assertThat(due).isEqualTo(LocalDate.of(2030, 3, 11));

        for (LocalDate notYet : List.of(due, due.plusDays(1), due.plusDays(13))) {
            today(notYet);
            run();
            assertThat(read(invoice).get("dunning_level").asInt())
                    .as(notYet.toString())
                    .isZero();
        }

        today(due.plusDays(14));
        run();
        JsonNode first = read(invoice);
        assertThat(first.get("status").asString()).isEqualTo("overdue");
        assertThat(first.get("dunning_level").asInt()).isEqualTo(1);
        assertThat(first.get("fees_due").decimalValue()).isEqualByComparingTo("0.00");
        assertThat(first.get("reminders")).hasSize(1);
        JsonNode level1 = first.get("reminders").get(0);
        assertThat(level1.get("level").asInt()).isEqualTo(1);
        assertThat(level1.get("outstanding").decimalValue()).isEqualByComparingTo("423.64");
        assertThat(level1.get("fee").decimalValue()).isEqualByComparingTo("0.00");
        assertThat(level1.get("days_overdue").asInt()).isEqualTo(14);
        assertThat(level1.get("reminded_on").asString()).isEqualTo("2030-03-25");
        assertThat(level1.get("pay_by").asString()).isEqualTo("2030-04-04");
        assertThat(level1.get("issued_by").asString()).isEqualTo("admin");
        assertThat(awaitReminderEvents(invoice, 1)).singleElement().satisfies(event -> {
            assertThat(event.getActor()).isEqualTo("admin");
            assertThat(event.getInvoiceNumber()).isEqualTo(invoice.number());
            assertThat(event.getOrderId()).isEqualTo(invoice.orderId());
            assertThat(event.getDueDate()).isEqualTo(due);
            assertThat(event.getTotal()).isEqualByComparingTo("423.64");
            assertThat(event.getReminder().getId().toString())
                    .isEqualTo(level1.get("id").asString());
            assertThat(event.getReminder().getLevel()).isEqualTo(1);
            assertThat(event.getReminder().getOutstanding()).isEqualByComparingTo("423.64");
            assertThat(event.getReminder().getFee()).isEqualByComparingTo("0");
            assertThat(event.getReminder().getDaysOverdue()).isEqualTo(14);
            assertThat(event.getReminder().getPayBy()).isEqualTo(LocalDate.of(2030, 4, 4));
            assertThat(event.getCreditNote()).isNull();
        });

        // The same day again: nothing new.
        run();
        assertThat(read(invoice).get("reminders")).hasSize(1);

        // order-service counts a partial payment; the next level reminds of the rest, with its fee beside it.
        Feed.orderOnAccount(
                invoice.orderId(), invoice.contractId(), "423.64", "100.00", OrderStatus.CONFIRMED, 2, NET_7);
        Awaitility.await()
                .atMost(Duration.ofSeconds(20))
                .until(() -> read(invoice).get("paid_amount").decimalValue().signum() > 0);
        today(due.plusDays(27));
        run();
        assertThat(read(invoice).get("dunning_level").asInt()).isEqualTo(1);
        today(due.plusDays(28));
        run();
        JsonNode second = read(invoice);
        assertThat(second.get("dunning_level").asInt()).isEqualTo(2);
        assertThat(second.get("fees_due").decimalValue()).isEqualByComparingTo("5.00");
        assertThat(second.get("outstanding").decimalValue())
                .as("fees do not change what is outstanding")
                .isEqualByComparingTo("323.64");
        JsonNode level2 = second.get("reminders").get(1);
        assertThat(level2.get("level").asInt()).isEqualTo(2);
        assertThat(level2.get("outstanding").decimalValue()).isEqualByComparingTo("323.64");
        assertThat(level2.get("fee").decimalValue()).isEqualByComparingTo("5.00");
        assertThat(level2.get("days_overdue").asInt()).isEqualTo(28);
        assertThat(second.get("reminders").get(0)).isEqualTo(level1);
        JsonNode aging = data(admin().get("/api/v1/receivables/aging?contract_id=" + invoice.contractId()));
        assertThat(aging.at("/currencies/0/total").decimalValue())
                .as("nor the aging")
                .isEqualByComparingTo("323.64");
        JsonNode listed = body(admin().get("/api/v1/invoices?order_id=" + invoice.orderId()))
                .get("data")
                .get(0);
        assertThat(listed.get("reminders")).isEqualTo(second.get("reminders"));

        List<InvoiceEvent> events = awaitReminderEvents(invoice, 2);
        assertThat(events).extracting(e -> e.getReminder().getLevel()).containsExactly(1, 2);
        assertThat(events.get(1).getReminder().getFee()).isEqualByComparingTo("5.00");
        assertThat(events.get(1).getReminder().getOutstanding()).isEqualByComparingTo("323.64");
        assertThat(INVOICE_EVENTS.records())
                .filteredOn(r -> r.value() instanceof InvoiceEvent e
                        && e.getInvoiceId().toString().equals(invoice.id())
                        && e.getType() == InvoiceEventType.REMINDER_ISSUED)
                .extracting(r -> r.key())
                .containsOnly(invoice.orderId().toString());
    }

    @Test
    void aPaidOrCreditedInvoiceIsNeverReminded() {
        today(LocalDate.of(2031, 3, 3));
        Issued byTransfer = invoice("423.64");
        Issued credited = invoice("423.64");
        Issued paidPerOrderService = invoice("423.64");
        Issued unpaid = invoice("423.64");

        HttpResponse<String> transfer = admin().send(
                        "POST",
                        "/api/v1/bank-statements",
                        statement("camt.053.001.08.xml", reference(), "423.64", byTransfer.number())
                                .getBytes(StandardCharsets.UTF_8),
                        Map.of("Content-Type", "application/xml"));
        assertThat(data(transfer).get("matched").asInt()).as(transfer.body()).isEqualTo(1);
        HttpResponse<String> creditNote = admin().post(
                        "/api/v1/invoices/" + credited.id() + "/credit-notes",
                        "{\"amount\": 423.64, \"reason\": \"returned in full\"}");
        assertThat(creditNote.statusCode()).as(creditNote.body()).isEqualTo(201);
        Feed.orderOnAccount(
                paidPerOrderService.orderId(),
                paidPerOrderService.contractId(),
                "423.64",
                "423.64",
                OrderStatus.CONFIRMED,
                2,
                NET_7);
        Awaitility.await()
                .atMost(Duration.ofSeconds(20))
                .until(() ->
                        "paid".equals(read(paidPerOrderService).get("status").asString()));

        for (int days : List.of(14, 28, 42, 100)) {
            today(unpaid.dueDate().plusDays(days));
            run();
        }

        assertThat(read(unpaid).get("dunning_level").asInt()).isEqualTo(3);
        awaitReminderEvents(unpaid, 3);
        for (Issued settled : List.of(byTransfer, credited, paidPerOrderService)) {
            JsonNode read = read(settled);
            assertThat(read.get("dunning_level").asInt()).as(settled.number()).isZero();
            assertThat(read.get("reminders")).as(settled.number()).isEmpty();
            assertThat(read.get("fees_due").decimalValue()).isEqualByComparingTo("0");
            assertThat(reminderEvents(settled)).as(settled.number()).isEmpty();
        }
    }

    @Test
    void aHubThatWasDownForWeeksMovesAnInvoiceUpOneLevelAtATimeEachAfterThePreviousDeadline() {
        today(LocalDate.of(2032, 3, 1));
        Issued invoice = invoice("89.25");

        today(invoice.dueDate().plusDays(60));
        run();
        run();
        JsonNode first = read(invoice);
        assertThat(first.get("dunning_level").asInt()).isEqualTo(1);
        assertThat(first.get("reminders")).hasSize(1);
        assertThat(first.at("/reminders/0/days_overdue").asInt()).isEqualTo(60);
        assertThat(first.at("/reminders/0/fee").decimalValue()).isEqualByComparingTo("0.00");

        today(invoice.dueDate().plusDays(61));
        run();
        assertThat(read(invoice).get("dunning_level").asInt())
                .as("level 1's pay_by not passed")
                .isEqualTo(1);
        today(invoice.dueDate().plusDays(71));
        run();
        assertThat(read(invoice).get("dunning_level").asInt()).isEqualTo(2);
        today(invoice.dueDate().plusDays(82));
        run();

        JsonNode last = read(invoice);
        assertThat(last.get("dunning_level").asInt()).isEqualTo(3);
        assertThat(last.get("reminders"))
                .extracting(r -> r.get("days_overdue").asInt())
                .containsExactly(60, 71, 82);
        String body = admin().get("/api/v1/invoices/" + invoice.id()).body();
        assertThat(body)
                .as("fees at the currency's digits")
                .contains("\"level\":1,\"outstanding\":89.25,\"fee\":0.00,")
                .contains("\"level\":2,\"outstanding\":89.25,\"fee\":5.00,")
                .contains("\"level\":3,\"outstanding\":89.25,\"fee\":10.00,");
        assertThat(last.get("fees_due").decimalValue()).isEqualByComparingTo("15.00");
        assertThat(last.get("outstanding").decimalValue()).isEqualByComparingTo("89.25");
        assertThat(awaitReminderEvents(invoice, 3))
                .extracting(e -> e.getReminder().getLevel())
                .containsExactly(1, 2, 3);
    }

    @Test
    void twoRunsAtOnceIssueEachReminderOnce() throws Exception {
        today(LocalDate.of(2033, 3, 1));
        List<Issued> invoices = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            invoices.add(invoice("50.00"));
        }
        today(invoices.get(0).dueDate().plusDays(14));

        CountDownLatch start = new CountDownLatch(1);
        ExecutorService executor = Executors.newFixedThreadPool(2);
        List<RunDunning.Result> results = new ArrayList<>();
        try {
            List<Future<RunDunning.Result>> runs = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                runs.add(executor.submit(() -> {
                    start.await();
                    return dunning.run("system");
                }));
            }
            start.countDown();
            for (Future<RunDunning.Result> run : runs) {
                results.add(run.get());
            }
        } finally {
            executor.shutdownNow();
        }

        assertThat(results).allSatisfy(result -> assertThat(result.failed()).isZero());
        assertThat(results.get(0).issuedByLevel().get(1)
                        + results.get(1).issuedByLevel().get(1))
                .as("the ten invoices' first reminders, issued by one run or the other")
                .isGreaterThanOrEqualTo(10);
        for (Issued invoice : invoices) {
            JsonNode read = read(invoice);
            assertThat(read.get("reminders")).as(invoice.number()).hasSize(1);
            assertThat(read.at("/reminders/0/issued_by").asString()).isEqualTo("system");
            assertThat(awaitReminderEvents(invoice, 1)).as(invoice.number()).hasSize(1);
        }
    }

    /**
     * Not a benchmark (a shared two-core machine, one instance): the reminders one run issues per second, each in its
     * own transaction with its event, over invoices of their own.
     */
    @Test
    void remindsAHundredInvoicesInOneRun() {
        today(LocalDate.of(2034, 3, 1));
        List<Issued> invoices = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            invoices.add(invoice("50.00"));
        }
        today(invoices.get(0).dueDate().plusDays(14));

        long started = System.nanoTime();
        RunDunning.Result result = dunning.run("system");
        double seconds = (System.nanoTime() - started) / 1e9;

        assertThat(result.failed()).isZero();
        assertThat(result.issuedByLevel().get(1)).isGreaterThanOrEqualTo(100);
        assertThat(invoices)
                .allSatisfy(invoice ->
                        assertThat(read(invoice).get("dunning_level").asInt()).isEqualTo(1));
        System.out.printf(
                "DunningIT: %d reminders (%d invoices looked at) in %.2f s = %.0f reminders/s%n",
                result.issued(), result.lookedAt(), seconds, result.issued() / seconds);
    }

    @Test
    void theAdminTriggerAnswersWhatItDidAndIsRefusedToAChannelsKey() {
        // The earliest year of these tests: no other invoice of the database is due yet, so the counts are ours.
        today(LocalDate.of(2021, 3, 1));
        Issued one = invoice("100.00");
        Issued two = invoice("200.00");
        today(one.dueDate().plusDays(14));

        HttpResponse<String> answer = admin().post("/api/v1/invoices/dunning-runs", "");

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        JsonNode run = data(answer);
        assertThat(run.get("day").asString())
                .isEqualTo(one.dueDate().plusDays(14).toString());
        assertThat(run.get("invoices_looked_at").asInt()).isEqualTo(2);
        assertThat(run.get("reminders_issued").asInt()).isEqualTo(2);
        assertThat(run.get("levels"))
                .extracting(l -> l.get("level").asInt() + ":" + l.get("issued").asInt())
                .containsExactly("1:2", "2:0", "3:0");
        assertThat(run.get("failed").asInt()).isZero();
        assertThat(read(two).at("/reminders/0/issued_by").asString()).isEqualTo("admin");

        JsonNode again = data(admin().post("/api/v1/invoices/dunning-runs", ""));
        assertThat(again.get("invoices_looked_at").asInt()).isEqualTo(2);
        assertThat(again.get("reminders_issued").asInt()).isZero();

        for (HttpResponse<String> refused : List.of(
                woo().post("/api/v1/invoices/dunning-runs", ""), pos().post("/api/v1/invoices/dunning-runs", ""))) {
            assertThat(refused.statusCode()).as(refused.body()).isEqualTo(403);
            assertThat(refused.body()).doesNotContain("reminders_issued");
        }
        assertThat(read(one).get("reminders")).hasSize(1);
    }

    private record Issued(String id, String number, UUID orderId, UUID contractId, LocalDate dueDate) {}

    /** An order on account of 7 days net, invoiced on request today (retried while the order is not seen yet). */
    private Issued invoice(String total) {
        UUID orderId = UUID.randomUUID();
        UUID contractId = UUID.randomUUID();
        Feed.orderOnAccount(orderId, contractId, total, "0", OrderStatus.PENDING, 1, NET_7);
        String body = "{\"order_id\": \"%s\"}".formatted(orderId);
        HttpResponse<String> issued = Awaitility.await()
                .atMost(Duration.ofSeconds(60))
                .until(() -> admin().post("/api/v1/invoices", body), response -> response.statusCode() != 503);
        assertThat(issued.statusCode()).as(issued.body()).isEqualTo(201);
        JsonNode invoice = data(issued);
        return new Issued(
                invoice.get("id").asString(),
                invoice.get("number").asString(),
                orderId,
                contractId,
                LocalDate.parse(invoice.get("due_date").asString()));
    }

    private void today(LocalDate day) {
        // 09:00 in Berlin of that day.
        clock.set(day.atTime(LocalTime.of(9, 0)).atZone(BERLIN).toInstant());
    }

    /** Puts a {@link SettableClock} in place of the service's clock: the test sets the day. */
    @TestConfiguration(proxyBeanMethods = false)
    static class Days {
        @Bean
        @Primary
        SettableClock days() {
            return new SettableClock();
        }
    }

    private void run() {
        HttpResponse<String> answer = admin().post("/api/v1/invoices/dunning-runs", "");
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        assertThat(data(answer).get("failed").asInt()).isZero();
    }

    private JsonNode read(Issued invoice) {
        return data(admin().get("/api/v1/invoices/" + invoice.id()));
    }

    private static List<InvoiceEvent> reminderEvents(Issued invoice) {
        return reminderEvents(INVOICE_EVENTS.values(InvoiceEvent.class), invoice);
    }

    private static List<InvoiceEvent> reminderEvents(List<InvoiceEvent> events, Issued invoice) {
        return events.stream()
                .filter(e -> e.getInvoiceId().toString().equals(invoice.id())
                        && e.getType() == InvoiceEventType.REMINDER_ISSUED)
                .toList();
    }

    /** The invoice's reminder events once there are {@code count} of them. */
    private static List<InvoiceEvent> awaitReminderEvents(Issued invoice, int count) {
        return reminderEvents(
                INVOICE_EVENTS.awaitValues(
                        InvoiceEvent.class,
                        all -> reminderEvents(all, invoice).size() >= count,
                        Duration.ofSeconds(20)),
                invoice);
    }
}
