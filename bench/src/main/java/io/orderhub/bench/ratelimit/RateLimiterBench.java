package io.orderhub.bench.ratelimit;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.distributed.BucketProxy;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import io.orderhub.bench.BenchResults;
import io.orderhub.bench.DurablePostgres;
import io.orderhub.httpapi.apikey.ApiKey;
import io.orderhub.httpapi.apikey.RateLimit;
import io.orderhub.httpapi.apikey.Scope;
import io.orderhub.httpapi.ratelimit.RateLimiter;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.BooleanSupplier;
import org.HdrHistogram.Recorder;

/**
 * The rate limiter's cost on one API key — the WooCommerce plugin's single key is one hot row in
 * {@code rate_limit_bucket} — as permits per second and latency per permit, at 16 and 64 concurrent
 * callers, with the limiter as the services run it (Bucket4j's batching optimisation) and, for
 * comparison, with a plain Bucket4j proxy on the same table (one row lock per request). PostgreSQL
 * runs with production durability (every commit flushed).
 *
 * <p>Arguments: {@code [seconds per run=10]}.
 */
public final class RateLimiterBench {

    private static final ApiKey KEY = new ApiKey("woocommerce", "shop", Set.of(Scope.ORDERS_WRITE), null);
    private static final RateLimit UNLIMITED = new RateLimit(1_000_000_000L, Duration.ofMinutes(1));

    private RateLimiterBench() {}

    public static void main(String[] args) throws Exception {
        Duration run = Duration.ofSeconds(args.length > 0 ? Long.parseLong(args[0]) : 10);
        Path work = Files.createTempDirectory("ratelimit-bench");
        BenchResults results = new BenchResults("rate-limiter")
                .line("Permits per second and latency per permit on ONE API key (one hot row), by concurrent callers.")
                .line("`batching`: the limiter as the services run it (Bucket4j batching optimisation);")
                .line("`plain`: a Bucket4j proxy without optimisation on the same table (a row lock per request).")
                .line("PostgreSQL 15 with fsync and synchronous_commit on; " + run.toSeconds()
                        + " s per run after a warm-up.");
        try (DurablePostgres postgres = DurablePostgres.start(work.resolve("postgres"));
                HikariDataSource dataSource = dataSource(postgres)) {
            createTable(dataSource);
            results.figure("postgres", postgres.describe());
            RateLimiter limiter = new RateLimiter(dataSource, UNLIMITED);
            BucketProxy plain = Bucket4jPostgreSQL.selectForUpdateBasedBuilder(dataSource)
                    .primaryKeyMapper(PrimaryKeyMapper.STRING)
                    .table("rate_limit_bucket")
                    .idColumn("id")
                    .stateColumn("state")
                    .expiresAtColumn("expires_at")
                    .build()
                    .builder()
                    .build(
                            "plain:" + KEY.id(),
                            () -> BucketConfiguration.builder()
                                    .addLimit(b -> b.capacity(UNLIMITED.requests())
                                            .refillIntervally(UNLIMITED.requests(), UNLIMITED.window()))
                                    .build());
            Map<String, BooleanSupplier> modes = new LinkedHashMap<>();
            modes.put("batching", () -> limiter.consume(KEY).allowed());
            modes.put("plain", () -> plain.tryConsume(1));
            for (var mode : modes.entrySet()) {
                for (int clients : new int[] {16, 64}) {
                    measure(mode.getValue(), clients, Duration.ofSeconds(3));
                    results.figure(mode.getKey() + "_" + clients + "_clients", measure(mode.getValue(), clients, run));
                }
            }
        }
        results.write(BenchResults.root());
    }

    private static Map<String, Object> measure(BooleanSupplier consume, int clients, Duration duration)
            throws InterruptedException {
        Recorder latencies = new Recorder(3);
        LongAdder permits = new LongAdder();
        LongAdder refused = new LongAdder();
        CountDownLatch done = new CountDownLatch(clients);
        long end = System.nanoTime() + duration.toNanos();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            Thread thread = new Thread(() -> {
                try {
                    while (System.nanoTime() < end) {
                        long start = System.nanoTime();
                        boolean allowed = consume.getAsBoolean();
                        latencies.recordValue((System.nanoTime() - start) / 1_000);
                        (allowed ? permits : refused).increment();
                    }
                } finally {
                    done.countDown();
                }
            });
            threads.add(thread);
            thread.start();
        }
        done.await();
        var histogram = latencies.getIntervalHistogram();
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("permits_per_second", Math.round(permits.sum() / (double) duration.toSeconds()));
        figures.put("refused", refused.sum());
        figures.put("latency", BenchResults.percentiles(histogram));
        return figures;
    }

    private static HikariDataSource dataSource(DurablePostgres postgres) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(postgres.jdbcUrl());
        config.setUsername(postgres.username());
        config.setPassword(postgres.username());
        config.setMaximumPoolSize(70);
        return new HikariDataSource(config);
    }

    private static void createTable(HikariDataSource dataSource) throws Exception {
        String migration;
        try (InputStream in = RateLimiter.class.getResourceAsStream(
                "/db/orderhub/http-api/V0_2_1__idempotency_and_rate_limits.sql")) {
            migration = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute(migration);
        }
    }
}
