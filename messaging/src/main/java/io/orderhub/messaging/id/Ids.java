package io.orderhub.messaging.id;

import com.fasterxml.uuid.Generators;
import com.fasterxml.uuid.impl.TimeBasedEpochGenerator;
import java.util.UUID;

/**
 * New ids are time-ordered UUIDv7 (the contract's id format), for events and aggregates alike: ids made one
 * after another sort in that order, so primary-key indexes grow at one end.
 */
public final class Ids {

    private static final TimeBasedEpochGenerator GENERATOR = Generators.timeBasedEpochGenerator();

    private Ids() {}

    public static UUID next() {
        return GENERATOR.generate();
    }
}
