package io.orderhub.bench.outbox;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A wall-clock profile of the relay's thread: its stack is sampled every few milliseconds and each
 * sample is charged to what the relay was doing in {@code OutboxRelay} at that moment (the relay's own
 * frame and the call it was in), whether running or waiting on PostgreSQL or Kafka. A CPU profiler (JFR)
 * sees only running threads; where a relay's time goes is mostly waiting, so this looks at the clock.
 */
final class RelayThreadSampler implements AutoCloseable {

    private static final String RELAY_CLASS = "io.orderhub.messaging.outbox.OutboxRelay";

    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private final Map<String, Integer> samples = new HashMap<>();
    private final Thread sampler;
    private final long intervalMicros;
    private volatile boolean running = true;
    private int total;

    private RelayThreadSampler(long intervalMicros) {
        this.intervalMicros = intervalMicros;
        this.sampler = new Thread(this::sample, "relay-thread-sampler");
        this.sampler.setDaemon(true);
    }

    static RelayThreadSampler start(long intervalMicros) {
        RelayThreadSampler sampler = new RelayThreadSampler(intervalMicros);
        sampler.sampler.start();
        return sampler;
    }

    private void sample() {
        long relayId = -1;
        while (running) {
            if (relayId < 0) {
                relayId = relayThreadId();
            }
            ThreadInfo info = relayId < 0 ? null : threads.getThreadInfo(relayId, 64);
            if (info != null) {
                record(classify(info));
            } else {
                // Not started yet, or stopped and started again as a new thread.
                relayId = -1;
            }
            try {
                TimeUnit.MICROSECONDS.sleep(intervalMicros);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private synchronized void record(String key) {
        samples.merge(key, 1, Integer::sum);
        total++;
    }

    /**
     * "relay method:line → the call it is in [what the thread was doing]", where the last part tells
     * waiting for a socket (PostgreSQL's answer) from waiting for another thread (Kafka's I/O thread) and
     * from running on a CPU (or waiting for one: the machine's load decides that share).
     */
    static String classify(ThreadInfo info) {
        StackTraceElement[] stack = info.getStackTrace();
        for (int i = 0; i < stack.length; i++) {
            if (stack[i].getClassName().startsWith(RELAY_CLASS)) {
                String relayFrame = stack[i].getMethodName() + ":" + stack[i].getLineNumber();
                String callee = i == 0 ? "(own code)" : calleeOf(Arrays.copyOfRange(stack, 0, i));
                return relayFrame + " → " + callee + " [" + activity(info, stack) + "]";
            }
        }
        return "outside the relay";
    }

    private static String activity(ThreadInfo info, StackTraceElement[] stack) {
        if (info.getThreadState() != Thread.State.RUNNABLE) {
            return "waiting";
        }
        if (stack.length > 0 && stack[0].isNativeMethod()) {
            String method = stack[0].getMethodName().toLowerCase(java.util.Locale.ROOT);
            if (method.contains("read") || method.contains("poll") || method.contains("recv")) {
                return "socket";
            }
        }
        return "cpu";
    }

    /** The outermost library call the relay made, e.g. {@code KafkaProducer.flush} or jOOQ's execute. */
    private static String calleeOf(StackTraceElement[] above) {
        StackTraceElement call = above[above.length - 1];
        String className = call.getClassName();
        return className.substring(className.lastIndexOf('.') + 1) + "." + call.getMethodName();
    }

    private long relayThreadId() {
        for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds(), 0)) {
            if (info != null && info.getThreadName().equals("outbox-relay")) {
                return info.getThreadId();
            }
        }
        return -1;
    }

    /** Share of samples per activity, largest first, plus the sample count. */
    synchronized Map<String, Object> describe() {
        Map<String, Object> described = new LinkedHashMap<>();
        described.put("samples", total);
        described.put("interval_ms", intervalMicros / 1000.0);
        Map<String, Object> shares = new LinkedHashMap<>();
        samples.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                .limit(15)
                .forEach(entry ->
                        shares.put(entry.getKey(), Math.round(entry.getValue() * 1000.0 / total) / 10.0 + " %"));
        described.put("wall_clock_share", shares);
        return described;
    }

    @Override
    public void close() {
        running = false;
        sampler.interrupt();
        try {
            sampler.join(1_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
