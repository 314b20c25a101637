package io.orderhub.callbacks.delivery;

import com.fasterxml.uuid.Generators;
import com.fasterxml.uuid.impl.TimeBasedEpochGenerator;
import java.util.UUID;

/** Time-ordered UUIDv7 ids, the contract's id format. */
final class Ids {

    private static final TimeBasedEpochGenerator GENERATOR = Generators.timeBasedEpochGenerator();

    private Ids() {}

    static UUID next() {
        return GENERATOR.generate();
    }
}
