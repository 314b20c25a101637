package io.orderhub.local;

import io.orderhub.local.process.JavaProcess;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps one service running: when its process ends without being asked to, it is started again after
 * a back-off, as the compose restart policy and Kubernetes do. The back-off starts at 1 s and doubles
 * up to 30 s; a process that ran for a minute counts as recovered, and the next crash starts again at
 * 1 s. Every exit and restart is logged.
 *
 * <p>Written here rather than taken from a library: the JDK's {@link Process#onExit()} and a scheduler
 * are all it takes, and a process supervisor library would bring a second way of launching processes.
 */
final class Supervisor implements AutoCloseable {

    static final Duration FIRST_BACK_OFF = Duration.ofSeconds(1);
    static final Duration MAX_BACK_OFF = Duration.ofSeconds(30);
    static final Duration RECOVERED_AFTER = Duration.ofMinutes(1);

    private static final Logger log = LoggerFactory.getLogger(Supervisor.class);

    private final String name;
    private final Supplier<JavaProcess> launcher;
    private final ScheduledExecutorService scheduler;
    private volatile JavaProcess current;
    private volatile boolean stopping;
    private Instant startedAt;
    private Duration backOff = FIRST_BACK_OFF;
    private int restarts;

    private final boolean restartOnExit;

    private Supervisor(String name, Supplier<JavaProcess> launcher, boolean restartOnExit) {
        this.name = name;
        this.launcher = launcher;
        this.restartOnExit = restartOnExit;
        this.scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, name + "-supervisor");
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * Starts the process and, with {@code restartOnExit}, restarts it whenever it ends until {@link
     * #close()}; without, it only holds the one process.
     */
    static Supervisor start(String name, Supplier<JavaProcess> launcher, boolean restartOnExit) {
        Supervisor supervisor = new Supervisor(name, launcher, restartOnExit);
        synchronized (supervisor) {
            supervisor.launch();
        }
        return supervisor;
    }

    /** The process running now, or the one that ended while the next waits for its back-off. */
    JavaProcess process() {
        return current;
    }

    synchronized int restarts() {
        return restarts;
    }

    /** Stops supervising and stops the process: SIGTERM, then SIGKILL after the grace period. */
    void stop(Duration grace) {
        JavaProcess last;
        synchronized (this) {
            stopping = true;
            scheduler.shutdownNow();
            last = current;
        }
        last.stop(grace);
    }

    @Override
    public void close() {
        stop(Duration.ofSeconds(20));
    }

    private void launch() {
        JavaProcess process = launcher.get();
        current = process;
        startedAt = Instant.now();
        process.onExit().thenAccept(this::exited);
    }

    private synchronized void exited(JavaProcess process) {
        if (stopping || !restartOnExit) {
            return;
        }
        Duration ran = Duration.between(startedAt, Instant.now());
        if (ran.compareTo(RECOVERED_AFTER) >= 0) {
            backOff = FIRST_BACK_OFF;
        }
        log.warn(
                "{} (pid {}) exited with code {} after {} s; restarting in {} s",
                name,
                process.pid(),
                process.exitCode(),
                ran.toSeconds(),
                backOff.toSeconds());
        scheduleRestart();
    }

    private void scheduleRestart() {
        scheduler.schedule(this::restart, backOff.toMillis(), TimeUnit.MILLISECONDS);
        Duration doubled = backOff.multipliedBy(2);
        backOff = doubled.compareTo(MAX_BACK_OFF) > 0 ? MAX_BACK_OFF : doubled;
    }

    private synchronized void restart() {
        if (stopping) {
            return;
        }
        restarts++;
        try {
            launch();
            log.warn("{} restarted (pid {}, restart {})", name, current.pid(), restarts);
        } catch (RuntimeException e) {
            log.error(
                    "{} could not be started (restart {}): {}; next attempt in {} s",
                    name,
                    restarts,
                    e.getMessage(),
                    backOff.toSeconds());
            scheduleRestart();
        }
    }
}
