package io.orderhub.console.overview.web;

import io.orderhub.console.overview.OverviewFigures;
import io.orderhub.console.overview.Snapshot;
import io.orderhub.console.overview.Snapshot.Rate;
import java.io.IOException;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * The overview's live figures: every open page holds one {@link SseEmitter}; once per refresh interval, and
 * only while at least one is open, one snapshot is read and its figures fragment rendered once and sent to
 * all of them (event {@code figures}). With nobody listening nothing is read. A stream ends after
 * {@code ADMIN_OVERVIEW_STREAM_TIMEOUT}; the browser's EventSource then connects again, through the login.
 */
@Component
class OverviewStream implements DisposableBean {

    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter DAY_TIME =
            DateTimeFormatter.ofPattern("EEE d MMM HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private final OverviewFigures figures;
    private final ITemplateEngine templates;
    private final Duration timeout;
    private final List<SseEmitter> listeners = new CopyOnWriteArrayList<>();
    // One thread for every stream: the figures are read and rendered once per tick, whoever listens.
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "overview-stream");
        thread.setDaemon(true);
        return thread;
    });

    OverviewStream(
            OverviewFigures figures,
            ITemplateEngine templates,
            @Value("${orderhub.console.overview.stream-timeout}") Duration timeout) {
        this.figures = figures;
        this.templates = templates;
        this.timeout = timeout;
        long every = figures.refresh().toMillis();
        ticker.scheduleWithFixedDelay(this::tick, every, every, TimeUnit.MILLISECONDS);
    }

    SseEmitter open() {
        SseEmitter emitter = new SseEmitter(timeout.toMillis());
        emitter.onCompletion(() -> listeners.remove(emitter));
        emitter.onTimeout(() -> listeners.remove(emitter));
        emitter.onError(e -> listeners.remove(emitter));
        listeners.add(emitter);
        return emitter;
    }

    int listeners() {
        return listeners.size();
    }

    /** Reads one snapshot and sends it to every listener; reads nothing when there is none. */
    void tick() {
        if (listeners.isEmpty()) {
            return;
        }
        String html = fragment(figures.readNow());
        for (SseEmitter emitter : listeners) {
            try {
                emitter.send(SseEmitter.event().name("figures").data(html));
            } catch (IOException | IllegalStateException gone) {
                listeners.remove(emitter);
            }
        }
    }

    /** The figures fragment on one line: an event's data line ends at a line break. */
    String fragment(Snapshot snapshot) {
        Context context = new Context();
        context.setVariables(model(snapshot));
        return templates
                .process("overview", Set.of("figures"), context)
                .replace('\r', ' ')
                .replace('\n', ' ');
    }

    /** What the overview template shows of a snapshot. */
    static Map<String, Object> model(Snapshot snapshot) {
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("s", snapshot);
        model.put("readAt", TIME.format(snapshot.readAt()));
        model.put("todayFrom", DAY_TIME.format(snapshot.todayFrom()));
        model.put("weekFrom", DAY_TIME.format(snapshot.weekFrom()));
        model.put("rateDefinition", Rate.DEFINITION);
        model.put("stuckMinutes", snapshot.stuckAfter().toMinutes());
        return model;
    }

    @Override
    public void destroy() {
        ticker.shutdownNow();
        listeners.forEach(SseEmitter::complete);
    }
}
