package io.orderhub.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.orderhub.local.process.JavaProcess;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SupervisorIT {

    private final List<Instant> starts = new CopyOnWriteArrayList<>();
    private Supervisor supervisor;

    @AfterEach
    void stop() {
        if (supervisor != null) {
            supervisor.stop(Duration.ofSeconds(5));
        }
    }

    @Test
    void startsAKilledProcessAgain() {
        supervisor = Supervisor.start("sleeper", launcher(Sleeper.class), true);
        JavaProcess first = supervisor.process();
        first.kill();

        await().atMost(Duration.ofSeconds(30)).until(() -> supervisor.restarts() == 1);
        JavaProcess second = supervisor.process();
        assertThat(second.pid()).isNotEqualTo(first.pid());
        assertThat(second.isAlive()).isTrue();
        assertThat(Duration.between(starts.get(0), starts.get(1))).isGreaterThanOrEqualTo(Supervisor.FIRST_BACK_OFF);
    }

    @Test
    void backsOffTwiceAsLongAfterEachQuickCrash() {
        supervisor = Supervisor.start("crasher", launcher(Crasher.class), true);

        await().atMost(Duration.ofSeconds(60)).until(() -> starts.size() >= 4);
        assertThat(Duration.between(starts.get(0), starts.get(1))).isGreaterThanOrEqualTo(Duration.ofSeconds(1));
        assertThat(Duration.between(starts.get(1), starts.get(2))).isGreaterThanOrEqualTo(Duration.ofSeconds(2));
        assertThat(Duration.between(starts.get(2), starts.get(3))).isGreaterThanOrEqualTo(Duration.ofSeconds(4));
        await().atMost(Duration.ofSeconds(30)).until(() -> !supervisor.process().isAlive());
        assertThat(supervisor.process().exitCode()).isEqualTo(Crasher.EXIT_CODE);
    }

    @Test
    void aStoppedOrUnsupervisedProcessStaysDown() {
        supervisor = Supervisor.start("sleeper", launcher(Sleeper.class), true);
        supervisor.stop(Duration.ofSeconds(5));
        Supervisor unsupervised = Supervisor.start("unsupervised", launcher(Sleeper.class), false);
        unsupervised.process().kill();

        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5)).until(() -> starts.size() == 2);
        assertThat(supervisor.process().isAlive()).isFalse();
        assertThat(unsupervised.process().isAlive()).isFalse();
        assertThat(supervisor.restarts()).isZero();
        assertThat(unsupervised.restarts()).isZero();
    }

    private Supplier<JavaProcess> launcher(Class<?> main) {
        return () -> {
            starts.add(Instant.now());
            return JavaProcess.builder(main.getSimpleName(), main.getName())
                    .jvmOptions(List.of("-Xmx32m", "-XX:TieredStopAtLevel=1"))
                    .start();
        };
    }

    /** A service that runs until it is killed. */
    public static final class Sleeper {
        public static void main(String[] args) throws InterruptedException {
            Thread.currentThread().join();
        }
    }

    /** A service that fails at start-up. */
    public static final class Crasher {
        static final int EXIT_CODE = 3;

        public static void main(String[] args) {
            System.exit(EXIT_CODE);
        }
    }
}
