package io.orderhub.callbacks.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import io.orderhub.callbacks.endpoint.Endpoint;
import io.orderhub.callbacks.endpoint.EndpointFormat;
import io.orderhub.testsupport.OrderhubTestEnvironment;
import io.orderhub.testsupport.SettableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Workers of several instances claiming side by side on the real database: every due delivery goes to one
 * worker only, one delivery per order is on the wire, only the newest version of an order is claimed, and a
 * crashed worker's claim is taken over once its lease ran out. The endpoint is one no dispatcher of this
 * context serves, so only the test's workers claim.
 */
@SpringBootTest(properties = "spring.kafka.consumer.group-id=claiming-it-${random.uuid}")
@ContextConfiguration(initializers = OrderhubTestEnvironment.class)
@Import(MutableClock.class)
@DirtiesContext
class ClaimingIT {

    private static final Endpoint BULK =
            new Endpoint("BULK", "https://bulk.example.org/callback", EndpointFormat.HUB, "secret", null, null);

    @Autowired
    ClaimDueDeliveries claimer;

    @Autowired
    DeliveryRepository deliveries;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    SettableClock clock;

    @Test
    void concurrentWorkersClaimEachDueDeliveryOnceAndOnlyTheNewestPerOrder() throws Exception {
        List<UUID> orders = new ArrayList<>();
        List<UUID> olderVersions = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            UUID orderId = UUID.randomUUID();
            orders.add(orderId);
            olderVersions.add(store(orderId, 2));
            store(orderId, 3);
        }

        List<ClaimDueDeliveries.Claim> claims = claimConcurrently(4);

        assertThat(claims).hasSize(20);
        assertThat(claims).extracting(claim -> claim.delivery().id()).doesNotHaveDuplicates();
        assertThat(claims).extracting(claim -> claim.delivery().orderId()).containsExactlyInAnyOrderElementsOf(orders);
        assertThat(claims).allSatisfy(claim -> {
            assertThat(claim.delivery().orderVersion()).isEqualTo(3);
            assertThat(claim.delivery().attempts()).isEqualTo(1);
        });
        assertThat(claimConcurrently(2)).as("everything is on the wire").isEmpty();
        assertThat(olderVersions)
                .allSatisfy(id ->
                        assertThat(deliveries.find(id).orElseThrow().status()).isEqualTo(DeliveryStatus.SUPERSEDED));
    }

    @Test
    void aCrashedWorkersClaimIsTakenOverAfterItsLease() throws Exception {
        UUID orderId = UUID.randomUUID();
        store(orderId, 2);
        ClaimDueDeliveries.Claim first = claimer.claim(BULK, 10).stream()
                .filter(claim -> claim.delivery().orderId().equals(orderId))
                .findFirst()
                .orElseThrow();

        clock.advance(Duration.ofSeconds(30));
        assertThat(claimer.claim(BULK, 10)).as("still leased").isEmpty();
        clock.advance(Duration.ofSeconds(31));
        List<ClaimDueDeliveries.Claim> again = claimer.claim(BULK, 10);

        assertThat(again).singleElement().satisfies(claim -> {
            assertThat(claim.delivery().id()).isEqualTo(first.delivery().id());
            assertThat(claim.delivery().attempts()).isEqualTo(2);
            assertThat(claim.token()).isNotEqualTo(first.token());
        });
    }

    private UUID store(UUID orderId, long version) {
        UUID id = UUID.randomUUID();
        transactions.executeWithoutResult(status -> {
            Instant now = clock.instant();
            OrderChange change =
                    new OrderChange(UUID.randomUUID(), orderId, version, "bulk", "order.status_changed", "{}", now);
            deliveries.lockOrderState(change, now);
            deliveries.saveLatest(change, now);
            deliveries.insert(Delivery.pending(id, change, "BULK", null, now));
        });
        return id;
    }

    private List<ClaimDueDeliveries.Claim> claimConcurrently(int workers) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(workers);
        try {
            List<Callable<List<ClaimDueDeliveries.Claim>>> rounds = new ArrayList<>();
            for (int i = 0; i < workers; i++) {
                rounds.add(() -> {
                    List<ClaimDueDeliveries.Claim> mine = new ArrayList<>();
                    for (int round = 0; round < 5; round++) {
                        mine.addAll(claimer.claim(BULK, 3));
                    }
                    return mine;
                });
            }
            List<ClaimDueDeliveries.Claim> all = new ArrayList<>();
            for (Future<List<ClaimDueDeliveries.Claim>> result : pool.invokeAll(rounds)) {
                all.addAll(result.get());
            }
            return all;
        } finally {
            pool.shutdown();
        }
    }
}
