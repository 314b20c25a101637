package io.orderhub.importer;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.notFound;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.orderhub.testsupport.TestDatabase;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** --dry-run on the fixture: every defect found and counted, the plan and keys printed, nothing written. */
class ImportDryRunIT {

    static final WireMockServer SHOP = new WireMockServer(options().dynamicPort());
    static TestDatabase legacy;

    @BeforeAll
    static void start() throws IOException {
        legacy = LegacyFixture.database();
        SHOP.start();
        SHOP.stubFor(get(urlEqualTo("/wp-json/wc/v3/orders/1003"))
                .withHeader(
                        "Authorization",
                        equalTo("Basic " + Base64.getEncoder().encodeToString("ck_test:cs_test".getBytes())))
                .willReturn(aResponse()
                        .withHeader("Content-Type", "application/json")
                        .withBody(resource("woocommerce/order-1003.json"))));
        SHOP.stubFor(get(urlEqualTo("/wp-json/wc/v3/orders/1004"))
                .willReturn(notFound()
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"code\": \"woocommerce_rest_shop_order_invalid_id\", \"message\": \"Invalid ID.\","
                                + " \"data\": {\"status\": 404}}")));
    }

    @AfterAll
    static void stop() {
        SHOP.stop();
    }

    record Run(int status, String out, String err) {}

    static Run run(List<String> args, Map<String, String> env) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = OrderhubImport.run(
                args.toArray(String[]::new),
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8),
                env);
        return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    static List<String> legacyArgs(TestDatabase db) {
        return List.of(
                "--legacy-db-url",
                db.jdbcUrl(),
                "--legacy-db-user",
                db.username(),
                "--legacy-db-password",
                db.password());
    }

    static Map<String, String> shopEnv() {
        return Map.of(
                "WOOCOMMERCE_URL", SHOP.baseUrl(),
                "WOOCOMMERCE_CONSUMER_KEY", "ck_test",
                "WOOCOMMERCE_CONSUMER_SECRET", "cs_test");
    }

    @Test
    void countsEveryRepairOfTheOldHubsDefects() throws Exception {
        Run run = run(concat(legacyArgs(legacy), "--dry-run"), shopEnv());

        assertThat(run.status()).as(run.err()).isZero();
        assertThat(run.out())
                .contains("DRY RUN: nothing was written")
                .contains("Plan: 10 orders, 9 payments")
                .contains("  history_duplicate_removed: 9\n")
                .contains("  creation_row_added: 19\n")
                .contains("  source_normalised: 4\n")
                .contains("  tax_rate_percentage: 1\n")
                .contains("  tax_total_recomputed: 1\n")
                .contains("  grand_total_recomputed: 1\n")
                .contains("  nan_totals_recovered_from_shop: 1\n")
                .contains("  nan_totals_marked_for_review: 1\n")
                .contains("  paid_while_pending: 2\n")
                .contains("tax_total 0.43 -> 43.32 EUR (difference 42.89)")
                .doesNotContain("history_gap_closed")
                .doesNotContain("history_row_unlinked");
    }

    @Test
    void recoversNaNTotalsFromTheShopAndMarksTheRestForReview() throws Exception {
        Run run = run(concat(legacyArgs(legacy), "--dry-run"), shopEnv());

        assertThat(run.out())
                .contains("WooCommerce order 1003 says grand total 65.40 EUR")
                .contains("the shop has no order 1004")
                .contains("EUR grand totals NaN in the old hub, now: +95.40");
        SHOP.verify(getRequestedFor(urlEqualTo("/wp-json/wc/v3/orders/1003")));
    }

    @Test
    void withoutAShopEveryNaNOrderIsMarkedForReview() throws Exception {
        Run run = run(concat(legacyArgs(legacy), "--dry-run"), Map.of());

        assertThat(run.out())
                .contains("no WooCommerce configured")
                .contains("  nan_totals_marked_for_review: 2\n")
                .doesNotContain("nan_totals_recovered_from_shop");
    }

    @Test
    void printsTheActiveKeysAsApiKeysEntriesAndReportsTheRest() throws Exception {
        Run run = run(concat(legacyArgs(legacy), "--dry-run"), Map.of());

        assertThat(run.out())
                .contains("  woocommerce:sha256:" + sha256("woo-key-1") + ";name=WooCommerce-Shop\n")
                .contains("  pos:sha256:" + sha256("pos-key-1") + ";name=POS-Hamburg\n")
                .contains("  admin:sha256:" + sha256("admin-key-1") + ";name=Initial-Admin-Key\n")
                .contains("  # <channel>:sha256:" + sha256("script-key-1") + ";name=Script-key\n")
                .doesNotContain(sha256("woo-key-0"))
                .doesNotContain(sha256("pos-key-0"))
                .contains("api_key_not_carried_over: 2");
    }

    @Test
    void reportsTheChannelSettingsAndProviderCredentialsForTheOperator() throws Exception {
        Run run = run(concat(legacyArgs(legacy), "--dry-run"), Map.of());

        assertThat(run.out())
                .contains("channel woocommerce: use_payment_hub=true, shadow_mode=false, callback_enabled=true ->"
                        + " set WOOCOMMERCE_CALLBACK_URL")
                .contains("1 payment provider configuration(s) not imported");
    }

    @Test
    void aMissingOptionIsAUsageError() throws Exception {
        Run run = run(List.of("--legacy-db-url", "jdbc:postgresql://localhost/x"), Map.of());

        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err()).contains("missing --legacy-db-user, --legacy-db-password, --hub, --key");
    }

    static List<String> concat(List<String> args, String... more) {
        return java.util.stream.Stream.concat(args.stream(), java.util.Arrays.stream(more))
                .toList();
    }

    static String sha256(String key) throws Exception {
        return java.util.HexFormat.of()
                .formatHex(java.security.MessageDigest.getInstance("SHA-256")
                        .digest(key.getBytes(StandardCharsets.UTF_8)));
    }

    static String resource(String name) throws IOException {
        try (InputStream in = ImportDryRunIT.class.getClassLoader().getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
