package io.orderhub.messaging.id;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class IdsTest {

    @Test
    void makesVersion7IdsThatSortInTheOrderTheyWereMade() {
        List<UUID> made = new ArrayList<>();
        for (int i = 0; i < 1_000; i++) {
            made.add(Ids.next());
        }

        assertThat(made).allSatisfy(id -> assertThat(id.version()).isEqualTo(7));
        assertThat(made).doesNotHaveDuplicates();
        // UUID.compareTo compares signed halves; the unsigned string form is the order databases use.
        assertThat(made.stream().map(UUID::toString).toList()).isSorted();
    }
}
