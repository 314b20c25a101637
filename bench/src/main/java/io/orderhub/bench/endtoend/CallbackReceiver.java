package io.orderhub.bench.endtoend;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * The WooCommerce plugin's callback endpoint (hub format): answers 200 at once and records, per order, when
 * its first callback with status {@code paid} arrived — {@link System#nanoTime()} as the handler starts, the
 * same clock the webhooks were sent by. The JDK's server with a pool of its own, so a callback is handled
 * as soon as its headers are read rather than queued behind WireMock's request journal.
 */
final class CallbackReceiver implements AutoCloseable {

    static final String PATH = "/wp-json/order-hub/v1/callback";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final ExecutorService handlers;
    private final ConcurrentMap<String, Long> paidArrivals = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, LongAdder> byTypeAndStatus = new ConcurrentHashMap<>();
    private final AtomicLong received = new AtomicLong();
    private final AtomicLong repeatedPaid = new AtomicLong();
    private final AtomicLong unreadable = new AtomicLong();

    private CallbackReceiver(HttpServer server, ExecutorService handlers) {
        this.server = server;
        this.handlers = handlers;
    }

    static CallbackReceiver start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(0), 256);
            ExecutorService handlers = Executors.newFixedThreadPool(16, runnable -> {
                Thread thread = new Thread(runnable, "callback-receiver");
                thread.setDaemon(true);
                return thread;
            });
            CallbackReceiver receiver = new CallbackReceiver(server, handlers);
            server.createContext(PATH, receiver::handle);
            server.setExecutor(handlers);
            server.start();
            return receiver;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start the callback receiver", e);
        }
    }

    URI url() {
        return URI.create("http://localhost:" + server.getAddress().getPort() + PATH);
    }

    /** When the order's first {@code paid} callback arrived, in {@link System#nanoTime()}; null if not yet. */
    Long paidArrival(String orderId) {
        return paidArrivals.get(orderId);
    }

    long paidCount() {
        return paidArrivals.size();
    }

    long received() {
        return received.get();
    }

    long repeatedPaid() {
        return repeatedPaid.get();
    }

    long unreadable() {
        return unreadable.get();
    }

    /** Callbacks received so far by {@code type/status}, such as {@code order.status_changed/paid}. */
    Map<String, Long> byTypeAndStatus() {
        Map<String, Long> counts = new TreeMap<>();
        byTypeAndStatus.forEach((key, count) -> counts.put(key, count.sum()));
        return counts;
    }

    private void handle(HttpExchange exchange) throws IOException {
        long arrived = System.nanoTime();
        try {
            byte[] body = exchange.getRequestBody().readAllBytes();
            exchange.sendResponseHeaders(200, -1);
            record(body, arrived);
        } finally {
            exchange.close();
        }
    }

    private void record(byte[] body, long arrived) {
        received.incrementAndGet();
        JsonNode callback;
        try {
            callback = JSON.readTree(body);
        } catch (IOException e) {
            unreadable.incrementAndGet();
            return;
        }
        String status = callback.path("status").asText();
        String orderId = callback.path("order_id").asText();
        byTypeAndStatus
                .computeIfAbsent(callback.path("type").asText() + "/" + status, key -> new LongAdder())
                .increment();
        if ("paid".equals(status) && !orderId.isEmpty() && paidArrivals.putIfAbsent(orderId, arrived) != null) {
            repeatedPaid.incrementAndGet();
        }
    }

    @Override
    public void close() {
        server.stop(0);
        handlers.shutdownNow();
    }
}
