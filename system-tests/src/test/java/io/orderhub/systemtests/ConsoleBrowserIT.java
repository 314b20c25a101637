package io.orderhub.systemtests;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.orderhub.harness.FullPlatform.ADMIN_KEY;
import static io.orderhub.harness.FullPlatform.B2B_KEY;
import static io.orderhub.harness.FullPlatform.CONSOLE_OPERATOR;
import static io.orderhub.harness.FullPlatform.CONSOLE_OPERATOR_PASSWORD;
import static io.orderhub.harness.FullPlatform.CONSOLE_VIEWER;
import static io.orderhub.harness.FullPlatform.CONSOLE_VIEWER_PASSWORD;
import static io.orderhub.harness.FullPlatform.POS_KEY;
import static io.orderhub.harness.FullPlatform.SHOP_KEY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.orderhub.harness.FullPlatform;
import io.orderhub.harness.StripeEvents;
import io.orderhub.local.Platform;
import io.orderhub.testsupport.ApiClient;
import io.orderhub.testsupport.RequiresTools;
import io.orderhub.testsupport.RequiresTools.Tool;
import io.orderhub.testsupport.TestKafka;
import io.orderhub.testsupport.WooCommercePlugin;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The console in a real browser (headless Chromium through chromedriver) against the whole platform started as
 * processes, reached through the edge at /admin as an operator would: log in, find a paid order by the shop's
 * order number or the customer's email within a date range, read its timeline down to the callback attempt, act
 * on a failing callback — refused as a viewer, carried out and audited as an operator — and refund a payment
 * after a review step, once however often the confirmation is sent.
 */
@RequiresTools({Tool.CHROMIUM, Tool.CHROMEDRIVER})
class ConsoleBrowserIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static FullPlatform running;
    private static Platform platform;
    private static String paidOrderNumber;
    private static String paidOrderId;
    private static String failingDeliveryId;
    private static String refundablePaymentId;
    private static String kimsEmail;
    private static String kimsOrderId;
    private static String unmatchedEventId;

    private WebDriver browser;
    private WebDriverWait wait;

    @BeforeAll
    static void startThePlatformWithAPaidOrderAndAFailingCallback() throws Exception {
        running = FullPlatform.startWithConsole("console-browser");
        platform = running.platform();
        StripeEvents.answerPaymentIntents(running.stripe());

        // WooCommerce orders paid with Stripe: their callbacks reach the plugin (200). One is read, one
        // refunded, one bought by a customer whose email has a '+'.
        ApiClient shop = ApiClient.of(platform.origin(), SHOP_KEY);
        paidOrderNumber = "wc-" + System.nanoTime();
        paidOrderId = paidOrder(shop, WooCommercePlugin.orderPayload(paidOrderNumber))
                .path("order_id")
                .asText();
        refundablePaymentId = paidOrder(shop, WooCommercePlugin.orderPayload("wc-" + System.nanoTime()))
                .path("id")
                .asText();
        kimsEmail = "Kim+" + System.nanoTime() + "@example.org";
        kimsOrderId = paidOrder(shop, WooCommercePlugin.orderPayload("wc-" + System.nanoTime(), "78", kimsEmail))
                .path("order_id")
                .asText();

        // Stripe reports a PaymentIntent the hub never made (made in Stripe's dashboard): unmatched.
        unmatchedEventId = StripeEvents.eventId();
        HttpResponse<String> unknown = running.sendStripeEvent(StripeEvents.event(
                unmatchedEventId,
                "payment_intent.succeeded",
                StripeEvents.paymentIntent(
                        "pi_dashboard_" + System.nanoTime(),
                        "succeeded",
                        UUID.randomUUID().toString(),
                        UUID.randomUUID().toString())));
        assertThat(unknown.statusCode()).as(unknown.body()).isEqualTo(200);

        failingDeliveryId = failingB2bDelivery("b2b-" + System.nanoTime());

        // Paid, and every version of it called back: the last delivery is of the paid order's version.
        ApiClient admin = ApiClient.of(platform.origin(), ADMIN_KEY);
        await().atMost(Duration.ofSeconds(90)).until(() -> {
            JsonNode order = data(admin.get("/api/v1/orders/" + paidOrderId));
            JsonNode deliveries = deliveries(admin, paidOrderId);
            return order.path("status").asText().equals("paid")
                    && deliveries.size() > 0
                    && deliveries.get(0).path("order_version").asLong()
                            == order.path("version").asLong()
                    && deliveries.get(0).path("status").asText().equals("delivered");
        });
    }

    /** Places the order, pays it with Stripe, sends Stripe's signed webhook; answers the payment. */
    private static JsonNode paidOrder(ApiClient shop, String orderPayload) throws Exception {
        String orderId =
                data(shop.post("/api/v1/orders", orderPayload)).path("id").asText();
        JsonNode payment = data(shop.post("/api/v1/payments", """
                {"order_id": "%s", "provider": "stripe", "currency": "EUR"}""".formatted(orderId)));
        String event = StripeEvents.event(
                StripeEvents.eventId(),
                "payment_intent.succeeded",
                StripeEvents.paymentIntent(
                        payment.path("provider_reference").asText(),
                        "succeeded",
                        orderId,
                        payment.path("id").asText()));
        HttpResponse<String> webhook = running.sendStripeEvent(event);
        assertThat(webhook.statusCode()).as(webhook.body()).isEqualTo(200);
        ApiClient admin = ApiClient.of(platform.origin(), ADMIN_KEY);
        await().atMost(Duration.ofSeconds(90))
                .until(() -> data(admin.get(
                                "/api/v1/payments/" + payment.path("id").asText()))
                        .path("status")
                        .asText()
                        .equals("succeeded"));
        return payment;
    }

    @AfterAll
    static void stop() {
        if (running != null) {
            running.close();
        }
    }

    @BeforeEach
    void openABrowser() {
        ChromeOptions options = new ChromeOptions()
                .setBinary(executable("chromium"))
                .addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1280,1000");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new java.io.File(executable("chromedriver")))
                .build();
        browser = new ChromeDriver(service, options);
        wait = new WebDriverWait(browser, Duration.ofSeconds(30));
    }

    @AfterEach
    void closeTheBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void aViewerFindsAPaidOrderByTheShopsNumberAndReadsItsTimelineDownToTheCallbackAttempt() {
        logIn(CONSOLE_VIEWER, CONSOLE_VIEWER_PASSWORD);

        // By keyboard: type the shop's number and press Enter.
        browser.findElement(By.id("q")).sendKeys(paidOrderNumber, Keys.ENTER);

        wait.until(ExpectedConditions.urlContains("/admin/orders/" + paidOrderId));
        assertThat(browser.findElement(By.id("order-status")).getText()).isEqualTo("paid");
        String timeline = browser.findElement(By.id("timeline")).getText();
        assertThat(timeline)
                .contains("Order created pending")
                .contains("Order pending → paid")
                .contains("Payment stripe 47.49 EUR")
                .contains("Provider event stripe payment_intent.succeeded: applied")
                .containsPattern("Callback attempt 1: delivered, HTTP 200, \\d+ ms");
        screenshot("order-timeline");
        assertThat(timeline.indexOf("Order created pending")).isLessThan(timeline.indexOf("Order pending → paid"));
    }

    @Test
    void aViewerIsRefusedAReplayAndAnOperatorsReplayIsAudited() {
        logIn(CONSOLE_VIEWER, CONSOLE_VIEWER_PASSWORD);
        browser.get(console("/admin/callbacks"));
        replayButton().click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "403"));
        assertThat(browser.findElement(By.cssSelector("[role=alert]")).getText())
                .contains("operators act, viewers read");
        browser.get(console("/admin/audit"));
        assertThat(browser.findElement(By.id("main")).getText()).doesNotContain(failingDeliveryId);

        browser.manage().deleteAllCookies();
        logIn(CONSOLE_OPERATOR, CONSOLE_OPERATOR_PASSWORD);
        browser.get(console("/admin/callbacks"));
        replayButton().click();
        wait.until(
                ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("[role=status]"), "Replay queued"));
        screenshot("callbacks");
        // Endpoint health: the plugin answered every callback, the partner failed the confirmed order's.
        assertThat(browser.findElement(By.cssSelector("#endpoint-woocommerce .success-rate"))
                        .getText())
                .matches("100\\.0 % of \\d+ attempts?");
        assertThat(browser.findElement(By.cssSelector("#endpoint-b2b .success-rate"))
                        .getText())
                .matches("\\d+\\.\\d % of \\d+ attempts?")
                .doesNotStartWith("100.0");

        browser.findElement(By.linkText("Audit log")).click();
        wait.until(ExpectedConditions.titleContains("Audit log"));
        String audit = browser.findElement(By.tagName("tbody")).getText();
        assertThat(audit)
                .contains(CONSOLE_OPERATOR)
                .contains("replay callback")
                .contains("delivery " + failingDeliveryId)
                .contains("accepted")
                .contains("shown as failed");
    }

    @Test
    void anOperatorEnablesTheEndpointA410DisabledAndReplaysItsDeadLetteredCallback() throws Exception {
        // The till answers this order's first callback 410 Gone, then it is back: the delivery is dead-lettered
        // at once and the POS endpoint disabled.
        String number = "pos-" + System.nanoTime();
        running.receivers()
                .stubFor(post(urlPathEqualTo("/pos/callbacks"))
                        .withRequestBody(containing(number))
                        .inScenario(number)
                        .whenScenarioStateIs(Scenario.STARTED)
                        .willSetStateTo("back")
                        .atPriority(1)
                        .willReturn(aResponse().withStatus(410)));
        String orderId = confirmedOrder("pos", POS_KEY, number);
        ApiClient admin = ApiClient.of(platform.origin(), ADMIN_KEY);
        String deadLettered = await().atMost(Duration.ofSeconds(90))
                .until(() -> deliveryOf(admin, orderId, "dead_lettered", null), java.util.Objects::nonNull);

        logIn(CONSOLE_OPERATOR, CONSOLE_OPERATOR_PASSWORD);
        browser.get(console("/admin/callbacks"));
        assertThat(browser.findElement(By.id("endpoint-pos")).getText()).contains("disabled");
        // A replay while the endpoint is disabled is refused, and says why.
        deliveryReplayButton(deadLettered).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector("[role=alert]"), "Replay callback refused"));
        browser.findElement(By.cssSelector("#endpoint-pos button[type=submit]")).click();
        wait.until(
                ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("[role=status]"), "Endpoint pos is"));
        deliveryReplayButton(deadLettered).click();
        wait.until(
                ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("[role=status]"), "Replay queued"));

        // The replay reaches the till, which answers it now.
        await().atMost(Duration.ofSeconds(90))
                .until(() -> deliveryOf(admin, orderId, "delivered", deadLettered), java.util.Objects::nonNull);
        browser.findElement(By.linkText("Audit log")).click();
        wait.until(ExpectedConditions.titleContains("Audit log"));
        assertThat(browser.findElement(By.tagName("tbody")).getText())
                .contains("enable endpoint")
                .contains("endpoint pos")
                .contains("delivery " + deadLettered);
    }

    /**
     * A B2B order the partner confirms, whose callback of that change the partner answers with 500: the
     * delivery keeps failing (creation itself is not called back). Answers that delivery's id.
     */
    private static String failingB2bDelivery(String b2bNumber) throws Exception {
        running.receivers()
                .stubFor(post(urlPathEqualTo("/b2b/order-hub"))
                        .withRequestBody(containing(b2bNumber))
                        .atPriority(1)
                        .willReturn(aResponse().withStatus(500).withBody("partner down")));
        String b2bOrderId = confirmedOrder("b2b", B2B_KEY, b2bNumber);
        ApiClient admin = ApiClient.of(platform.origin(), ADMIN_KEY);
        return await().atMost(Duration.ofSeconds(90))
                .until(() -> deliveryOf(admin, b2bOrderId, "failed", null), java.util.Objects::nonNull);
    }

    /** An order of the channel, confirmed by it (its first callback is of that change); answers its id. */
    private static String confirmedOrder(String channel, String key, String number) throws IOException {
        ApiClient client = ApiClient.of(platform.origin(), key);
        String orderId = data(client.post("/api/v1/orders", """
                        {"source": "%s", "source_order_id": "%s", "currency": "EUR",
                         "items": [{"name": "Pallet", "quantity": 1, "unit_price": 120.00}]}""".formatted(channel, number)))
                .path("id")
                .asText();
        data(client.post("/api/v1/orders/" + orderId + "/transitions", """
                {"status": "confirmed", "reason": "confirmed by the channel"}"""));
        return orderId;
    }

    /** The id of the order's delivery in that status (a replay of {@code replayOf} if given), or null. */
    private static String deliveryOf(ApiClient admin, String orderId, String status, String replayOf)
            throws IOException {
        for (JsonNode delivery : deliveries(admin, orderId)) {
            if (delivery.path("status").asText().equals(status)
                    && (replayOf == null || delivery.path("replay_of").asText().equals(replayOf))) {
                return delivery.path("id").asText();
            }
        }
        return null;
    }

    private WebElement deliveryReplayButton(String deliveryId) {
        return wait.until(ExpectedConditions.elementToBeClickable(
                By.cssSelector("#delivery-" + deliveryId + " button[type=submit]")));
    }

    @Test
    void anOperatorReplaysASelectionOfFailingCallbacks() throws Exception {
        String deliveryId = failingB2bDelivery("b2b-selection-" + System.nanoTime());
        logIn(CONSOLE_OPERATOR, CONSOLE_OPERATOR_PASSWORD);
        browser.get(console("/admin/callbacks"));
        wait.until(ExpectedConditions.elementToBeClickable(By.id("select-" + deliveryId)))
                .click();
        browser.findElement(By.xpath("//button[text()='Replay selected']")).click();

        wait.until(ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector("[role=status]"), "1 of 1 replays queued"));
        browser.findElement(By.linkText("Audit log")).click();
        wait.until(ExpectedConditions.titleContains("Audit log"));
        assertThat(browser.findElement(By.tagName("tbody")).getText())
                .contains("delivery " + deliveryId)
                .contains("selected");
    }

    @Test
    void anOperatorReplaysAnEventTheConsumersDeadLetteredAndAViewerMayNot() throws Exception {
        // Bytes no consumer can read on the order events: payment-service and callback-dispatcher dead-letter it.
        String eventId = "poison-" + UUID.randomUUID();
        Map<String, Object> settings = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers());
        try (KafkaProducer<byte[], byte[]> producer =
                new KafkaProducer<>(settings, new ByteArraySerializer(), new ByteArraySerializer())) {
            ProducerRecord<byte[], byte[]> poison = new ProducerRecord<>(
                    "orderhub.order-events.v1",
                    UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8),
                    "not an Avro record".getBytes(StandardCharsets.UTF_8));
            poison.headers().add("id", eventId.getBytes(StandardCharsets.UTF_8));
            producer.send(poison).get();
        }

        logIn(CONSOLE_VIEWER, CONSOLE_VIEWER_PASSWORD);
        await().atMost(Duration.ofSeconds(60)).until(() -> deadLettersOf("payment-service", eventId) == 1);
        assertThat(deadLettersOf("callback-dispatcher", eventId)).isEqualTo(1);
        screenshot("dead-letters");
        deadLetterReplayButton("payment-service", eventId).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "403"));

        browser.manage().deleteAllCookies();
        logIn(CONSOLE_OPERATOR, CONSOLE_OPERATOR_PASSWORD);
        browser.findElement(By.linkText("Dead letters")).click();
        deadLetterReplayButton("payment-service", eventId).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector("[role=status]"), "Replay accepted: event " + eventId + " republished"));
        // Republished to every group of the topic, and still unreadable: dead-lettered again by both.
        await().atMost(Duration.ofSeconds(60)).until(() -> deadLettersOf("payment-service", eventId) == 2);
        await().atMost(Duration.ofSeconds(60)).until(() -> deadLettersOf("callback-dispatcher", eventId) == 2);

        browser.findElement(By.linkText("Audit log")).click();
        wait.until(ExpectedConditions.titleContains("Audit log"));
        assertThat(browser.findElement(By.tagName("tbody")).getText())
                .contains("replay dead letter")
                .contains("payment-service orderhub.order-events.v1.DLT")
                .contains("event " + eventId + " republished to orderhub.order-events.v1");
    }

    @Test
    void anOperatorAsksStripeNowAboutAPaymentWhoseWebhookNeverCame() throws Exception {
        ApiClient shop = ApiClient.of(platform.origin(), SHOP_KEY);
        String orderId = data(shop.post("/api/v1/orders", WooCommercePlugin.orderPayload("wc-" + System.nanoTime())))
                .path("id")
                .asText();
        JsonNode payment = data(shop.post("/api/v1/payments", """
                {"order_id": "%s", "provider": "stripe", "currency": "EUR"}""".formatted(orderId)));
        String paymentId = payment.path("id").asText();
        String intent = payment.path("provider_reference").asText();
        // The customer paid at Stripe; its webhook never came, and the repair worker would wait 15 minutes.
        running.stripe()
                .stubFor(get(urlPathEqualTo("/v1/payment_intents/" + intent))
                        .willReturn(aResponse()
                                .withHeader("Content-Type", "application/json")
                                .withBody(StripeEvents.paymentIntent(intent, "succeeded", orderId, paymentId))));

        logIn(CONSOLE_OPERATOR, CONSOLE_OPERATOR_PASSWORD);
        browser.get(console("/admin/payments/" + paymentId));
        assertThat(browser.findElement(By.id("payment-status")).getText()).isNotEqualTo("succeeded");
        wait.until(ExpectedConditions.elementToBeClickable(By.xpath("//button[text()='Ask stripe now']")))
                .click();

        wait.until(ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector("[role=status]"), "Check at stripe accepted: succeeded"));
        assertThat(browser.findElement(By.id("payment-status")).getText()).isEqualTo("succeeded");
        assertThat(browser.findElement(By.id("history")).getText()).contains("repair: stripe reports it");
    }

    /** How many dead letters of the event the service's section of the dead-letters page lists now. */
    private int deadLettersOf(String service, String eventId) {
        browser.get(console("/admin/dead-letters"));
        return browser.findElements(
                        By.xpath("//section[@id='dead-letters-" + service + "']//tr[td[1][text()='" + eventId + "']]"))
                .size();
    }

    private WebElement deadLetterReplayButton(String service, String eventId) {
        return wait.until(ExpectedConditions.elementToBeClickable(By.xpath("//section[@id='dead-letters-" + service
                + "']//tr[td[1][text()='" + eventId + "']]//button[text()='Replay']")));
    }

    @Test
    void aViewerFindsAnOrderByTheCustomersEmailTypedInCapitalsWithinADateRange() throws Exception {
        logIn(CONSOLE_VIEWER, CONSOLE_VIEWER_PASSWORD);
        // The day the order was placed (UTC), not today's: the platform may have started before midnight.
        String placedOn = Instant.parse(
                        data(ApiClient.of(platform.origin(), ADMIN_KEY).get("/api/v1/orders/" + kimsOrderId))
                                .path("created_at")
                                .asText())
                .atZone(ZoneOffset.UTC)
                .toLocalDate()
                .toString();

        search(kimsEmail.toUpperCase(Locale.ROOT), placedOn, placedOn);

        wait.until(ExpectedConditions.urlContains("/admin/orders/" + kimsOrderId));
        assertThat(browser.findElement(By.id("state")).getText()).contains(kimsEmail.toLowerCase(Locale.ROOT));

        browser.get(console("/admin/orders"));
        String tomorrow = LocalDate.now(ZoneOffset.UTC).plusDays(1).toString();
        search(kimsEmail, tomorrow, tomorrow);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("results"), "No orders found."));
        browser.get(console("/admin/orders"));
        screenshot("orders");
    }

    @Test
    void anOperatorRefundsAfterAReviewAndTheSameConfirmationSentTwiceIsOneRefund() throws Exception {
        running.stripe()
                .stubFor(post(urlPathEqualTo("/v1/refunds"))
                        .willReturn(aResponse()
                                .withHeader("Content-Type", "application/json")
                                .withBody("""
                                        {"id": "re_console_1", "object": "refund", "amount": 1000, "currency": "eur",
                                         "payment_intent": "pi_console", "status": "succeeded", "metadata": {}}""")));
        logIn(CONSOLE_OPERATOR, CONSOLE_OPERATOR_PASSWORD);
        browser.findElement(By.linkText("Payments")).click();
        browser.get(console("/admin/payments/" + refundablePaymentId));
        assertThat(browser.findElement(By.id("payment-refundable")).getText()).isEqualTo("47.49 EUR");

        refund("47.50", "customer asked");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector("[role=alert]"), "At most 47.49 EUR is left to refund"));

        refund("10,00", "one book arrived damaged");
        wait.until(ExpectedConditions.titleContains("Confirm refund"));
        assertThat(browser.findElement(By.id("review-amount")).getText()).isEqualTo("10.00 EUR");
        screenshot("refund-review");
        WebElement confirmation = browser.findElement(By.cssSelector("form[aria-label='Confirm refund']"));
        Map<String, String> fields = new LinkedHashMap<>();
        for (WebElement hidden : confirmation.findElements(By.cssSelector("input[type=hidden]"))) {
            fields.put(hidden.getDomAttribute("name"), hidden.getDomProperty("value"));
        }
        String action = confirmation.getDomProperty("action");
        confirmation.findElement(By.cssSelector("button[type=submit]")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("[role=status]"), "accepted"));
        assertThat(browser.findElement(By.id("refunds")).getText())
                .contains("10.00")
                .contains("re_console_1");
        assertThat(browser.findElement(By.id("provider-events")).getText())
                .contains("payment_intent.succeeded")
                .contains("applied");
        screenshot("payment");

        // The same confirmation again (a resubmitted page): the review's Idempotency-Key makes it the same refund.
        HttpResponse<String> again = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(action))
                                .header(
                                        "Cookie",
                                        "ORDERHUB_CONSOLE_SESSION="
                                                + browser.manage()
                                                        .getCookieNamed("ORDERHUB_CONSOLE_SESSION")
                                                        .getValue())
                                .header("Content-Type", "application/x-www-form-urlencoded")
                                .POST(HttpRequest.BodyPublishers.ofString(form(fields)))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(again.statusCode()).as(again.body()).isEqualTo(302);

        ApiClient admin = ApiClient.of(platform.origin(), ADMIN_KEY);
        JsonNode payment = data(admin.get("/api/v1/payments/" + refundablePaymentId));
        assertThat(payment.path("refunds")).hasSize(1);
        assertThat(payment.path("refunded_amount").decimalValue()).isEqualByComparingTo("10.00");
        assertThat(running.stripe().findAll(postRequestedFor(urlPathEqualTo("/v1/refunds"))))
                .hasSize(1);
        browser.get(console("/admin/audit"));
        assertThat(browser.findElement(By.tagName("tbody")).getText())
                .contains(CONSOLE_OPERATOR + " refund 10.00 EUR payment " + refundablePaymentId + " accepted");
        screenshot("audit");
    }

    @Test
    void aViewerSeesTheTestsOwnOrdersInTodaysFiguresOnTheOverviewAndANewOneArriveLive() throws Exception {
        // An order of its own placed now: the platform's other orders may be of yesterday (UTC) already.
        String ownOrderId = data(ApiClient.of(platform.origin(), SHOP_KEY)
                        .post("/api/v1/orders", WooCommercePlugin.orderPayload("wc-" + System.nanoTime())))
                .path("id")
                .asText();
        logIn(CONSOLE_VIEWER, CONSOLE_VIEWER_PASSWORD);
        browser.findElement(By.linkText("Overview")).click();
        wait.until(ExpectedConditions.titleContains("Overview"));

        // Today's WooCommerce orders as order-service lists them, the test's own among them.
        ApiClient admin = ApiClient.of(platform.origin(), ADMIN_KEY);
        String today = LocalDate.now(ZoneOffset.UTC).toString();
        JsonNode todays = data(admin.get("/api/v1/orders?source=woocommerce&created_from=" + today));
        List<String> ids = new ArrayList<>();
        todays.forEach(order -> ids.add(order.path("id").asText()));
        assertThat(ids).contains(ownOrderId);
        assertThat(todayOrders("woocommerce")).isEqualTo(Integer.toString(ids.size()));
        assertThat(browser.findElement(By.id("success-rate")).getText()).contains("Success rate today");
        assertThat(browser.findElement(By.id("main")).getText())
                .contains("succeeded ÷ (succeeded + failed + cancelled + expired)");
        // The whole page, chart and lag included.
        browser.manage().window().setSize(new Dimension(1280, 2200));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#hours-chart canvas")));
        screenshot("overview");

        // A new B2B order shows in today's figures without reloading the page: the figures arrive by SSE.
        int b2bBefore = Integer.parseInt(todayOrders("b2b"));
        String b2bOrderId = data(ApiClient.of(platform.origin(), B2B_KEY)
                        .post("/api/v1/orders", """
                        {"source": "b2b", "source_order_id": "b2b-live-%d", "currency": "EUR",
                         "items": [{"name": "Pallet", "quantity": 1, "unit_price": 80.00}]}""".formatted(System.nanoTime())))
                .path("id")
                .asText();
        assertThat(b2bOrderId).isNotBlank();
        ((JavascriptExecutor) browser).executeScript("document.body.setAttribute('data-not-reloaded', 'yes')");
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(todayOrders("b2b")).isEqualTo(Integer.toString(b2bBefore + 1)));
        assertThat(browser.findElement(By.tagName("body")).getAttribute("data-not-reloaded"))
                .isEqualTo("yes");
    }

    /**
     * The number in today's orders column of the channel's EUR row on the overview, read in one script: the figures
     * arrive by SSE and replace the row, so an element found first and read after could already be gone.
     */
    private String todayOrders(String channel) {
        return (String) ((JavascriptExecutor) browser)
                .executeScript(
                        "const cell = document.querySelector(arguments[0]);"
                                + " return cell ? cell.textContent.trim() : '0';",
                        "#orders-" + channel + "-EUR .today-orders");
    }

    @Test
    void aViewerSeesTheProviderEventThatMatchedNoPaymentOnThePaymentsPage() {
        logIn(CONSOLE_VIEWER, CONSOLE_VIEWER_PASSWORD);
        browser.findElement(By.linkText("Payments")).click();
        wait.until(ExpectedConditions.titleContains("Payments"));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            browser.navigate().refresh();
            assertThat(browser.findElement(By.id("main")).getText()).contains(unmatchedEventId);
        });
        assertThat(browser.findElements(By.cssSelector("form[aria-label='Refund']")))
                .isEmpty();
        screenshot("payments");
    }

    @Test
    void anOperatorReadsAContractsAgingAndAssignsABankCreditThatNamedNoInvoiceToTheOrdersInvoice() throws Exception {
        ApiClient admin = ApiClient.of(platform.origin(), ADMIN_KEY);
        String company = "Praxis Nord " + System.nanoTime() + " GmbH";
        String contractId = data(admin.post("/api/v1/contracts", """
                        {"channel": "b2b",
                         "customer": {"company": "%s", "email": "buchhaltung@praxis-nord.example",
                                      "address": {"line1": "Hafenstr. 1", "postal_code": "20457", "city": "Hamburg",
                                                  "country": "DE"}},
                         "payment_terms": {"net_days": 30},
                         "credit_limit": {"amount": 5000.00, "currency": "EUR"}}""".formatted(company)))
                .path("id")
                .asText();
        // An order on account, confirmed by the partner: payment-service invoices it on its own.
        ApiClient b2b = ApiClient.of(platform.origin(), B2B_KEY);
        String orderId = data(b2b.post("/api/v1/orders", """
                        {"source": "b2b", "source_order_id": "PO-%d", "currency": "EUR",
                         "contract_id": "%s", "payment_method": "invoice",
                         "items": [{"name": "Untersuchungshandschuhe", "quantity": 1, "price": 120.00}]}""".formatted(System.nanoTime(), contractId)))
                .path("id")
                .asText();
        data(b2b.post("/api/v1/orders/" + orderId + "/transitions", """
                {"status": "confirmed", "reason": "confirmed by the partner"}"""));
        JsonNode invoice = await().atMost(Duration.ofSeconds(90))
                .until(() -> data(admin.get("/api/v1/invoices?order_id=" + orderId)), invoices -> invoices.size() == 1)
                .get(0);
        String invoiceNumber = invoice.path("number").asText();
        // The customer's bank transfer names no invoice, and its payer is not the contract's company.
        String reference = "CONSOLE" + System.nanoTime();
        HttpResponse<String> imported = admin.send(
                "POST",
                "/api/v1/bank-statements",
                statement(reference, "120.00", "Vielen Dank", "Unbekannt AG", "DE44500105175407324931")
                        .getBytes(StandardCharsets.UTF_8),
                Map.of("Content-Type", "application/xml"));
        JsonNode line = data(imported).path("lines").get(0);
        assertThat(line.path("outcome").asText()).isEqualTo("unmatched");
        String creditId = line.path("bank_credit_id").asText();

        logIn(CONSOLE_OPERATOR, CONSOLE_OPERATOR_PASSWORD);
        browser.findElement(By.linkText("Contracts")).click();
        wait.until(ExpectedConditions.titleContains("Contracts"));
        browser.findElement(By.linkText(company)).click();
        wait.until(ExpectedConditions.urlContains("/admin/contracts/" + contractId));
        assertThat(browser.findElement(By.cssSelector("#aging-EUR .current")).getText())
                .isEqualTo("120.00");
        assertThat(browser.findElement(By.id("invoices")).getText()).contains(invoiceNumber);
        screenshot("contract");

        browser.get(console("/admin/orders/" + orderId));
        assertThat(browser.findElement(
                                By.cssSelector("#invoice-" + invoice.path("id").asText() + " .invoice-status"))
                        .getText())
                .isEqualTo("open");

        browser.findElement(By.linkText("Bank credits")).click();
        wait.until(ExpectedConditions.titleContains("Bank credits"));
        assertThat(browser.findElement(By.id("credit-" + creditId)).getText())
                .contains("120.00 EUR")
                .contains("Unbekannt AG");
        screenshot("bank-credits");
        // By keyboard: the invoice's number as the customer would quote it, then Enter.
        browser.findElement(By.id("invoice-for-" + creditId))
                .sendKeys(invoiceNumber.toLowerCase(Locale.ROOT).replace('-', ' '), Keys.ENTER);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector("[role=status]"),
                "Assign bank credit to " + invoiceNumber + " accepted: invoice " + invoiceNumber + " paid"));
        assertThat(browser.findElements(By.id("credit-" + creditId))).isEmpty();

        // Paid once order-service has counted the bank transfer's payment.
        browser.get(console("/admin/invoices/" + invoice.path("id").asText()));
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            browser.navigate().refresh();
            assertThat(browser.findElement(By.id("invoice-status")).getText()).isEqualTo("paid");
        });
        screenshot("invoice");
        browser.findElement(By.linkText(orderId)).click();
        wait.until(ExpectedConditions.urlContains("/admin/orders/" + orderId));
        assertThat(browser.findElement(By.id("invoices")).getText())
                .contains(invoiceNumber)
                .contains("paid");
        assertThat(browser.findElement(By.id("order-status")).getText()).isEqualTo("paid");

        browser.findElement(By.linkText("Audit log")).click();
        wait.until(ExpectedConditions.titleContains("Audit log"));
        assertThat(browser.findElement(By.tagName("tbody")).getText())
                .contains("assign bank credit to " + invoiceNumber)
                .contains("bank credit " + creditId);
    }

    /** A camt.053.001.08 statement with one booked credit. */
    private static String statement(String reference, String amount, String remittance, String payer, String iban) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.08">
                  <BkToCstmrStmt>
                    <GrpHdr><MsgId>MSG-%1$s</MsgId><CreDtTm>2026-12-06T18:00:00+01:00</CreDtTm></GrpHdr>
                    <Stmt>
                      <Id>MSG-%1$s-1</Id>
                      <CreDtTm>2026-12-06T18:00:00+01:00</CreDtTm>
                      <Acct><Id><IBAN>DE89370400440532013000</IBAN></Id><Ccy>EUR</Ccy></Acct>
                      <Bal>
                        <Tp><CdOrPrtry><Cd>OPBD</Cd></CdOrPrtry></Tp>
                        <Amt Ccy="EUR">10000.00</Amt>
                        <CdtDbtInd>CRDT</CdtDbtInd>
                        <Dt><Dt>%6$s</Dt></Dt>
                      </Bal>
                      <Ntry>
                        <NtryRef>%1$s</NtryRef>
                        <Amt Ccy="EUR">%2$s</Amt>
                        <CdtDbtInd>CRDT</CdtDbtInd>
                        <Sts><Cd>BOOK</Cd></Sts>
                        <BookgDt><Dt>%6$s</Dt></BookgDt>
                        <ValDt><Dt>%6$s</Dt></ValDt>
                        <AcctSvcrRef>%1$s</AcctSvcrRef>
                        <BkTxCd><Domn><Cd>PMNT</Cd><Fmly><Cd>RCDT</Cd><SubFmlyCd>ESCT</SubFmlyCd></Fmly></Domn></BkTxCd>
                        <NtryDtls>
                          <TxDtls>
                            <Amt Ccy="EUR">%2$s</Amt>
                            <CdtDbtInd>CRDT</CdtDbtInd>
                            <RltdPties>
                              <Dbtr><Pty><Nm>%4$s</Nm></Pty></Dbtr>
                              <DbtrAcct><Id><IBAN>%5$s</IBAN></Id></DbtrAcct>
                            </RltdPties>
                            <RmtInf><Ustrd>%3$s</Ustrd></RmtInf>
                          </TxDtls>
                        </NtryDtls>
                      </Ntry>
                    </Stmt>
                  </BkToCstmrStmt>
                </Document>
                """.formatted(reference, amount, remittance, payer, iban, LocalDate.now(ZoneOffset.UTC));
    }

    @Test
    void aWrongPasswordKeepsTheLoginFormAndSaysSo() {
        browser.get(console("/admin/orders"));
        wait.until(ExpectedConditions.urlContains("/admin/login"));
        browser.findElement(By.id("username")).sendKeys(CONSOLE_OPERATOR);
        browser.findElement(By.id("password")).sendKeys("not-the-password");
        browser.findElement(By.cssSelector("button[type=submit]")).click();

        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("login-error")));
        assertThat(browser.getCurrentUrl()).contains("/admin/login?error");
        screenshot("login");
    }

    /**
     * The page as the browser shows it, for docs/console.md: written to target/console-screenshots, from where
     * whoever updates the docs copies them to docs/console/.
     */
    private void screenshot(String name) {
        try {
            Path directory = Path.of("target", "console-screenshots");
            Files.createDirectories(directory);
            Files.write(
                    directory.resolve(name + ".png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void search(String query, String from, String to) {
        WebElement q = wait.until(ExpectedConditions.elementToBeClickable(By.id("q")));
        // A date field's typing depends on the browser's locale; its value does not.
        ((JavascriptExecutor) browser)
                .executeScript(
                        "document.getElementById('from').value = arguments[0];"
                                + "document.getElementById('to').value = arguments[1];",
                        from,
                        to);
        q.sendKeys(query, Keys.ENTER);
    }

    private void refund(String amount, String reason) {
        WebElement amountField = wait.until(ExpectedConditions.elementToBeClickable(By.id("amount")));
        amountField.clear();
        amountField.sendKeys(amount);
        browser.findElement(By.id("reason")).sendKeys(reason, Keys.ENTER);
    }

    private static String form(Map<String, String> fields) {
        StringBuilder body = new StringBuilder();
        fields.forEach((name, value) -> body.append(body.isEmpty() ? "" : "&")
                .append(URLEncoder.encode(name, StandardCharsets.UTF_8))
                .append('=')
                .append(URLEncoder.encode(value, StandardCharsets.UTF_8)));
        return body.toString();
    }

    private WebElement replayButton() {
        return deliveryReplayButton(failingDeliveryId);
    }

    private void logIn(String user, String password) {
        browser.get(console("/admin/login"));
        browser.findElement(By.id("username")).sendKeys(user);
        browser.findElement(By.id("password")).sendKeys(password);
        browser.findElement(By.cssSelector("button[type=submit]")).click();
        wait.until(ExpectedConditions.urlContains("/admin/orders"));
        assertThat(browser.findElement(By.id("who")).getText()).startsWith(user);
    }

    private static String console(String path) {
        return platform.origin().resolve(path).toString();
    }

    private static JsonNode deliveries(ApiClient admin, String orderId) throws IOException {
        return data(admin.get("/api/v1/callbacks/deliveries?order_id=" + orderId));
    }

    private static JsonNode data(HttpResponse<String> response) throws IOException {
        assertThat(response.statusCode()).as(response.body()).isBetween(200, 299);
        return JSON.readTree(response.body()).path("data");
    }

    private static String executable(String name) {
        for (String directory : System.getenv("PATH").split(java.io.File.pathSeparator)) {
            java.io.File candidate = new java.io.File(directory, name);
            if (candidate.canExecute()) {
                return candidate.getPath();
            }
        }
        throw new IllegalStateException(name + " is not on the PATH");
    }
}
