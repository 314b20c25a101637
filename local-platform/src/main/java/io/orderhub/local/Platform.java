package io.orderhub.local;

import io.orderhub.local.process.JavaProcess;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

/**
 * The services of the platform as separate processes, each its own executable jar, configured through
 * environment variables exactly as in production. Used by {@code bin/orderhub-local} and by the tests
 * that need the services as separate processes.
 */
public final class Platform implements AutoCloseable {

    private final int httpPort;
    private final Map<Service, Supervisor> processes;

    private Platform(int httpPort, Map<Service, Supervisor> processes) {
        this.httpPort = httpPort;
        this.processes = processes;
    }

    /**
     * A free origin port whose whole block (origin + 0..10: the services, the edge and its management port) is
     * free too, for tests and benchmarks that start a platform beside others.
     */
    public static int freePortBlock() {
        for (int attempt = 0; attempt < 50; attempt++) {
            // Below Linux's ephemeral range (32768 and up): there, a client connection of another process
            // can take a port of the block between this check and the service's bind.
            int base = 20_000 + (int) (Math.random() * 12_000);
            if (free(base, 11)) {
                return base;
            }
        }
        throw new IllegalStateException("No free block of 11 ports found");
    }

    private static boolean free(int base, int count) {
        for (int port = base; port < base + count; port++) {
            try (ServerSocket socket = new ServerSocket(port)) {
                socket.setReuseAddress(true);
            } catch (IOException e) {
                return false;
            }
        }
        return true;
    }

    public static Builder builder(Path root) {
        return new Builder(root);
    }

    public URI url(Service service) {
        return URI.create("http://localhost:" + service.port(httpPort));
    }

    public URI origin() {
        return url(Service.EDGE);
    }

    /** The services this platform started, in start order. */
    public List<Service> services() {
        return List.copyOf(processes.keySet());
    }

    /** The service's process running now (after a restart, the new one). */
    public JavaProcess process(Service service) {
        Supervisor supervisor = processes.get(service);
        if (supervisor == null) {
            throw new IllegalArgumentException(service.serviceName() + " is not part of this platform");
        }
        return supervisor.process();
    }

    /** How often the service has been restarted after its process ended. */
    public int restarts(Service service) {
        return processes.get(service).restarts();
    }

    /** Stops every service gracefully (SIGTERM, then SIGKILL after 20 s), the edge first. */
    @Override
    public void close() {
        List<Service> order = new ArrayList<>(processes.keySet());
        java.util.Collections.reverse(order);
        order.stream()
                .map(processes::get)
                .map(supervisor -> new Thread(() -> supervisor.stop(Duration.ofSeconds(20))))
                .peek(Thread::start)
                .toList()
                .forEach(thread -> {
                    try {
                        thread.join();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                });
    }

    public static final class Builder {
        private final Path root;
        private final Map<String, String> environment = new LinkedHashMap<>();
        private final Map<Service, Database> databases = new EnumMap<>(Service.class);
        private final Map<Service, Map<String, String>> serviceEnvironment = new EnumMap<>(Service.class);
        private final List<Service> services =
                new ArrayList<>(java.util.EnumSet.complementOf(java.util.EnumSet.of(Service.ADMIN_CONSOLE)));
        private List<String> jvmOptions = List.of("-Xmx512m");
        private Path logDirectory;
        private int httpPort = 8080;
        private boolean reapOnExit = true;
        private Duration healthTimeout = Duration.ofMinutes(3);
        private boolean restartOnExit;
        private ClassDataSharing classDataSharing;

        private Builder(Path root) {
            this.root = root;
            this.logDirectory = root.resolve(".orderhub-local").resolve("logs");
        }

        /** Variables every service sees (KAFKA_BOOTSTRAP_SERVERS, API_KEYS, ...). */
        public Builder environment(Map<String, String> variables) {
            environment.putAll(variables);
            return this;
        }

        public Builder environment(Service service, Map<String, String> variables) {
            serviceEnvironment.computeIfAbsent(service, s -> new HashMap<>()).putAll(variables);
            return this;
        }

        public Builder database(Service service, Database database) {
            databases.put(service, database);
            return this;
        }

        /** Also this service, which is not started by default (the console). */
        public Builder also(Service service) {
            if (!services.contains(service)) {
                services.add(service);
                services.sort(null);
            }
            return this;
        }

        /** Only these services (the edge included or not). */
        public Builder only(Service... selected) {
            services.retainAll(List.of(selected));
            return this;
        }

        public Builder httpPort(int port) {
            this.httpPort = port;
            return this;
        }

        public Builder jvmOptions(List<String> options) {
            this.jvmOptions = List.copyOf(options);
            return this;
        }

        public Builder logDirectory(Path directory) {
            this.logDirectory = directory;
            return this;
        }

        public Builder reapOnExit(boolean reap) {
            this.reapOnExit = reap;
            return this;
        }

        /**
         * Whether a service whose process ends is started again, after a back-off, as the compose
         * restart policy and Kubernetes do (default: no; {@code bin/orderhub-local} turns it on).
         */
        public Builder restartOnExit(boolean restart) {
            this.restartOnExit = restart;
            return this;
        }

        /**
         * Starts the services with class-data sharing (default: without), their jars extracted and their archives
         * under {@code directory}; a service without an archive first has a training run that writes it (see
         * {@link ClassDataSharing}).
         */
        public Builder classDataSharing(Path directory) {
            this.classDataSharing = new ClassDataSharing(directory);
            return this;
        }

        /** How long each service may take to answer its health (default 3 minutes). */
        public Builder healthTimeout(Duration timeout) {
            this.healthTimeout = timeout;
            return this;
        }

        /** Starts all services at once and returns when every one answers its health with 200. */
        public Platform start() {
            Map<Service, Supervisor> started = new EnumMap<>(Service.class);
            try {
                if (classDataSharing != null) {
                    // All at once, as the services start (a parallel stream would run one per core): after a build,
                    // each jar is extracted and trained again.
                    CompletableFuture.allOf(services.stream()
                                    .map(service -> CompletableFuture.runAsync(
                                            () -> classDataSharing.train(
                                                    service.serviceName(),
                                                    jar(service),
                                                    jar -> process(service, jar),
                                                    healthTimeout),
                                            task -> new Thread(task, service.serviceName() + "-training").start()))
                                    .toArray(CompletableFuture[]::new))
                            .join();
                }
                for (Service service : services) {
                    started.put(service, Supervisor.start(service.serviceName(), () -> launch(service), restartOnExit));
                }
                Platform platform = new Platform(httpPort, started);
                for (Service service : services) {
                    awaitHealthy(service, started.get(service).process(), platform.url(service), healthTimeout);
                }
                return platform;
            } catch (RuntimeException e) {
                new Platform(httpPort, started).close();
                throw e;
            }
        }

        private Path jar(Service service) {
            Path jar = service.jar(root);
            if (!Files.exists(jar)) {
                throw new IllegalStateException(jar + " is missing: build it with ./mvnw -DskipTests package");
            }
            return jar;
        }

        private JavaProcess launch(Service service) {
            if (classDataSharing == null) {
                return process(service, jar(service)).start();
            }
            ClassDataSharing.Start start = classDataSharing.start(service.serviceName(), jar(service));
            return process(service, start.jar()).jvmOptions(start.jvmOptions()).start();
        }

        /** The service's process from this jar, configured as the platform configures it, not yet started. */
        private JavaProcess.Builder process(Service service, Path jar) {
            Map<String, String> variables = new LinkedHashMap<>();
            // One machine, development and test secrets: the services refuse those anywhere else.
            variables.put("ORDERHUB_SECRETS_ALLOW_EXAMPLES", "true");
            variables.putAll(environment);
            variables.put("SERVER_PORT", Integer.toString(service.port(httpPort)));
            if (service == Service.EDGE) {
                variables.put("HTTP_PORT", Integer.toString(httpPort));
                variables.put("EDGE_MANAGEMENT_PORT", Integer.toString(httpPort + 10));
                for (Service backend : Service.backends()) {
                    String variable = backend.serviceName().toUpperCase().replace('-', '_') + "_URL";
                    variables.put(variable, "http://localhost:" + backend.port(httpPort));
                }
                variables.put("ADMIN_CONSOLE_URL", "http://localhost:" + Service.ADMIN_CONSOLE.port(httpPort));
            }
            if (service == Service.CALLBACK_DISPATCHER) {
                // Invoice callbacks link the invoice's documents at the one origin (docs/callbacks.md).
                variables.putIfAbsent("HUB_PUBLIC_URL", "http://localhost:" + httpPort);
            }
            if (service == Service.ADMIN_CONSOLE) {
                // The console reads the services as a channel would: through the one origin.
                variables.put("ORDERHUB_API_URL", "http://localhost:" + httpPort);
                // Dead letters are each consuming service's own, on its own port: the edge does not route them.
                variables.put(
                        "ADMIN_CONSOLE_SERVICE_URLS",
                        Arrays.stream(Service.backends())
                                .filter(Service::consumesEvents)
                                .map(backend -> backend.serviceName() + "=http://localhost:" + backend.port(httpPort))
                                .collect(Collectors.joining(",")));
                // Its overview reads consumer lag and dead letters from the services' broker, read-only.
                String kafka = variables.get("KAFKA_BOOTSTRAP_SERVERS");
                if (kafka != null) {
                    variables.putIfAbsent("ADMIN_CONSOLE_KAFKA_BOOTSTRAP_SERVERS", kafka);
                }
            }
            Database database = databases.get(service);
            if (database != null) {
                String prefix = service.databasePrefix();
                variables.put(prefix + "_DB_URL", database.jdbcUrl());
                variables.put(prefix + "_DB_USER", database.username());
                variables.put(prefix + "_DB_PASSWORD", database.password());
            }
            variables.putAll(serviceEnvironment.getOrDefault(service, Map.of()));
            return JavaProcess.jar(service.serviceName(), jar)
                    .jvmOptions(jvmOptions)
                    .environment(variables)
                    .reapOnExit(reapOnExit)
                    .log(logDirectory.resolve(service.serviceName() + ".log"));
        }

        private static void awaitHealthy(Service service, JavaProcess process, URI url, Duration timeout) {
            HttpClient http = HttpClient.newBuilder()
                    .connectTimeout(Duration.ofSeconds(2))
                    .build();
            HttpRequest request = HttpRequest.newBuilder(url.resolve("/health"))
                    .timeout(Duration.ofSeconds(5))
                    .GET()
                    .build();
            Instant deadline = Instant.now().plus(timeout);
            while (Instant.now().isBefore(deadline)) {
                if (!process.isAlive()) {
                    throw new IllegalStateException(
                            service.serviceName() + " exited during start-up:\n" + tail(process.logFile()));
                }
                try {
                    if (http.send(request, HttpResponse.BodyHandlers.discarding())
                                    .statusCode()
                            == 200) {
                        return;
                    }
                } catch (IOException e) {
                    // not listening yet
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("Interrupted while waiting for " + service.serviceName(), e);
                }
                pause();
            }
            throw new IllegalStateException(
                    service.serviceName() + " not healthy after " + timeout + ":\n" + tail(process.logFile()));
        }

        /** Health polling between attempts at start-up; not a test. */
        private static void pause() {
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        private static String tail(Path log) {
            try {
                List<String> lines = Files.readAllLines(log);
                return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
