package io.orderhub.httpapi.response;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.orderhub.httpapi.problem.ApiException;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class CursorTest {

    @Test
    void roundTripsItsPositionToTheMicrosecond() {
        Cursor cursor = new Cursor(Instant.parse("2026-11-27T10:15:30.123456Z"), UUID.randomUUID());

        assertThat(Cursor.decode(cursor.encode())).isEqualTo(cursor);
    }

    @Test
    void refusesATamperedCursorAs400() {
        assertThatThrownBy(() -> Cursor.decode("bm90LWEtY3Vyc29y"))
                .isInstanceOf(ApiException.class)
                .satisfies(e ->
                        assertThat(((ApiException) e).problemType().status()).isEqualTo(400));
    }

    @Test
    void refusesAPositionOutsideTheYearsAnyListHas() {
        String farFuture = java.util.Base64.getUrlEncoder()
                .encodeToString((Long.MAX_VALUE / 2 + ":" + UUID.randomUUID())
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        String beforeEpoch = new Cursor(Instant.parse("1969-12-31T23:59:59Z"), UUID.randomUUID()).encode();

        assertThatThrownBy(() -> Cursor.decode(farFuture)).isInstanceOf(ApiException.class);
        assertThatThrownBy(() -> Cursor.decode(beforeEpoch)).isInstanceOf(ApiException.class);
    }

    @Test
    void boundsTheLimit() {
        assertThat(Cursor.limit(null)).isEqualTo(50);
        assertThat(Cursor.limit(200)).isEqualTo(200);
        assertThatThrownBy(() -> Cursor.limit(0)).isInstanceOf(ApiException.class);
        assertThatThrownBy(() -> Cursor.limit(201)).isInstanceOf(ApiException.class);
    }
}
