package io.orderhub.httpapi.idempotency;

import static org.assertj.core.api.Assertions.assertThat;

import io.orderhub.httpapi.testapp.GuardRailsTestApplication;
import io.orderhub.testsupport.OrderhubTestEnvironment;
import java.util.Map;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ContextConfiguration;

/** The fencing tokens of Idempotency-Key claims, against the real claim table. */
@SpringBootTest(classes = GuardRailsTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = OrderhubTestEnvironment.class)
class IdempotencyStoreIT {

    private static final String FINGERPRINT = "f".repeat(64);
    private static final StoredResponse CREATED = new StoredResponse(201, Map.of(), new byte[0]);

    @Autowired
    IdempotencyStore store;

    @Autowired
    DSLContext db;

    @Test
    void eachTakeOverOfAnExpiredLeaseRaisesTheFencingToken() {
        String key = "key-" + UUID.randomUUID();

        Claim first = store.claim("fencing-test", key, FINGERPRINT);
        expireLease(key);
        Claim second = store.claim("fencing-test", key, FINGERPRINT);
        expireLease(key);
        Claim third = store.claim("fencing-test", key, FINGERPRINT);

        assertThat(first).isEqualTo(Claim.proceed(1));
        assertThat(second).isEqualTo(Claim.proceed(2));
        assertThat(third).isEqualTo(Claim.proceed(3));
    }

    @Test
    void aStaleTokenNeitherCompletesNorReleasesTheKey() {
        String key = "key-" + UUID.randomUUID();
        store.claim("fencing-test", key, FINGERPRINT);
        expireLease(key);
        store.claim("fencing-test", key, FINGERPRINT);

        store.release("fencing-test", key, 1);
        boolean completedByStaleHolder = store.completeAfterwards("fencing-test", key, 1, CREATED);

        assertThat(completedByStaleHolder).isFalse();
        assertThat(state(key)).isEqualTo("in_flight");
        assertThat(store.completeAfterwards("fencing-test", key, 2, CREATED)).isTrue();
        assertThat(state(key)).isEqualTo("completed");
    }

    @Test
    void theCurrentHolderReleasesTheKey() {
        String key = "key-" + UUID.randomUUID();
        store.claim("fencing-test", key, FINGERPRINT);

        store.release("fencing-test", key, 1);

        assertThat(state(key)).isNull();
    }

    private void expireLease(String key) {
        db.execute(
                "update idempotency_key set locked_until = now() - interval '1 second' where idempotency_key = ?", key);
    }

    private String state(String key) {
        return db.select(DSL.field("state", String.class))
                .from(DSL.table("idempotency_key"))
                .where(DSL.field("idempotency_key", String.class).eq(key))
                .fetchOne(0, String.class);
    }
}
