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
    void boundsTheLimit() {
        assertThat(Cursor.limit(null)).isEqualTo(50);
        assertThat(Cursor.limit(200)).isEqualTo(200);
        assertThatThrownBy(() -> Cursor.limit(0)).isInstanceOf(ApiException.class);
        assertThatThrownBy(() -> Cursor.limit(201)).isInstanceOf(ApiException.class);
    }
}
