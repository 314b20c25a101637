package io.orderhub.console.overview.web;

import io.orderhub.console.overview.OverviewFigures;
import io.orderhub.console.overview.Snapshot;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The Overview: orders and payment volume today and this week, the payment success rate, callbacks failing
 * and dead-lettered, stuck payments, dead letters and consumer lag, and a chart per hour. The page renders
 * the shared snapshot; {@code /admin/overview/stream} sends its figures again as each new snapshot is read.
 */
@Controller
class OverviewPage {

    private final OverviewFigures figures;
    private final OverviewStream stream;

    OverviewPage(OverviewFigures figures, OverviewStream stream) {
        this.figures = figures;
        this.stream = stream;
    }

    @GetMapping("/admin/overview")
    String overview(Model model) {
        Snapshot snapshot = figures.current();
        model.addAllAttributes(OverviewStream.model(snapshot));
        model.addAttribute("refreshSeconds", figures.refresh().toSeconds());
        return "overview";
    }

    @GetMapping(path = "/admin/overview/stream", produces = "text/event-stream")
    SseEmitter stream() {
        return stream.open();
    }
}
