package io.orderhub.console.callback.web;

import io.orderhub.console.audit.AuditLog;
import io.orderhub.console.hub.HubClient;
import io.orderhub.console.hub.HubRefusal;
import io.orderhub.console.hub.Views.Delivery;
import java.security.Principal;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Deliveries that are failing (still retried) or dead-lettered (given up), and replaying one. */
@Controller
class CallbackPages {

    private static final List<String> STATUSES = List.of("failed", "dead_lettered");

    private final HubClient hub;
    private final AuditLog audit;

    CallbackPages(HubClient hub, AuditLog audit) {
        this.hub = hub;
        this.audit = audit;
    }

    @GetMapping("/admin/callbacks")
    String callbacks(Model model) {
        List<Delivery> deliveries = new ArrayList<>();
        deliveries.addAll(hub.deliveries(null, "dead_lettered", null, null).items());
        deliveries.addAll(hub.deliveries(null, "failed", null, null).items());
        model.addAttribute("deliveries", deliveries);
        return "callbacks";
    }

    @PostMapping("/admin/callbacks/{id}/replay")
    String replay(
            @PathVariable String id,
            @RequestParam(name = "status", required = false) String statusBefore,
            Principal operator,
            RedirectAttributes flash) {
        UUID deliveryId = parse(id);
        String before = STATUSES.contains(statusBefore) ? "shown as " + statusBefore : null;
        String target = "delivery " + deliveryId;
        try {
            Delivery replay = hub.replay(deliveryId);
            audit.record(
                    operator.getName(),
                    "replay callback",
                    target,
                    "accepted",
                    before,
                    "new delivery " + replay.id() + " " + replay.status());
            flash.addFlashAttribute("message", "Replay queued as delivery " + replay.id());
        } catch (HubRefusal refusal) {
            audit.record(
                    operator.getName(),
                    "replay callback",
                    target,
                    "refused (" + refusal.status() + "): " + refusal.getMessage(),
                    before,
                    null);
            flash.addFlashAttribute("problem", "Replay refused: " + refusal.getMessage());
        }
        return "redirect:/admin/callbacks";
    }

    private static UUID parse(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "No such delivery");
        }
    }
}
