package io.orderhub.callbacks.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DeliveryStatusTest {

    @Test
    void openDeliveriesMayBeDeliveredFailedDeadLetteredOrSuperseded() {
        for (DeliveryStatus open : new DeliveryStatus[] {DeliveryStatus.PENDING, DeliveryStatus.FAILED}) {
            assertThat(open.canMoveTo(DeliveryStatus.DELIVERED)).isTrue();
            assertThat(open.canMoveTo(DeliveryStatus.FAILED)).isTrue();
            assertThat(open.canMoveTo(DeliveryStatus.DEAD_LETTERED)).isTrue();
            assertThat(open.canMoveTo(DeliveryStatus.SUPERSEDED)).isTrue();
            assertThat(open.canMoveTo(DeliveryStatus.SKIPPED)).isFalse();
        }
    }

    @Test
    void finishedDeliveriesNeverMoveAgain() {
        for (DeliveryStatus done : new DeliveryStatus[] {
            DeliveryStatus.DELIVERED, DeliveryStatus.DEAD_LETTERED, DeliveryStatus.SUPERSEDED, DeliveryStatus.SKIPPED
        }) {
            for (DeliveryStatus next : DeliveryStatus.values()) {
                assertThat(done.canMoveTo(next)).as(done + " -> " + next).isFalse();
            }
        }
    }

    @Test
    void onlyFinishedDeliveriesArePurged() {
        assertThat(DeliveryStatus.finished())
                .containsExactlyInAnyOrder(
                        DeliveryStatus.DELIVERED,
                        DeliveryStatus.DEAD_LETTERED,
                        DeliveryStatus.SUPERSEDED,
                        DeliveryStatus.SKIPPED)
                .noneMatch(DeliveryStatus::isOpen);
    }
}
