package io.orderhub.console.callback.web;

import io.orderhub.console.PathIds;
import io.orderhub.console.audit.web.AuditedActions;
import io.orderhub.console.audit.web.AuditedActions.Done;
import io.orderhub.console.hub.HubClient;
import io.orderhub.console.hub.Views.Delivery;
import io.orderhub.console.hub.Views.Endpoint;
import io.orderhub.console.hub.Views.EndpointHealth;
import java.security.Principal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.mvc.support.RedirectAttributesModelMap;

/**
 * Deliveries that are failing (still retried) or dead-lettered (given up), replaying one or a selection; the
 * channels' endpoints with their health (success rate and latency over the attempts held), and enabling one a
 * receiver's 410 disabled.
 */
@Controller
class CallbackPages {

    private static final List<String> STATUSES = List.of("failed", "dead_lettered");

    /** At most this many deliveries in one "Replay selected": the page lists one page of each status. */
    private static final int MAX_SELECTED = 200;

    /** A channel's name, as endpoints are named; nothing else names one. */
    private static final Pattern ENDPOINT_NAME = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    private final HubClient hub;
    private final AuditedActions actions;

    CallbackPages(HubClient hub, AuditedActions actions) {
        this.hub = hub;
        this.actions = actions;
    }

    @GetMapping("/admin/callbacks")
    String callbacks(Model model) {
        List<Delivery> deliveries = new ArrayList<>();
        deliveries.addAll(hub.deliveries(null, "dead_lettered", null, null).items());
        deliveries.addAll(hub.deliveries(null, "failed", null, null).items());
        model.addAttribute("deliveries", deliveries);
        model.addAttribute("endpoints", hub.endpoints());
        Map<String, EndpointHealth> health = new HashMap<>();
        hub.endpointHealth().forEach(endpoint -> health.put(endpoint.name(), endpoint));
        model.addAttribute("health", health);
        return "callbacks";
    }

    @PostMapping("/admin/callbacks/{id}/replay")
    String replay(
            @PathVariable String id,
            @RequestParam(name = "status", required = false) String statusBefore,
            Principal operator,
            RedirectAttributes flash) {
        UUID deliveryId = PathIds.parse(id, "delivery");
        String before = STATUSES.contains(statusBefore) ? "shown as " + statusBefore : null;
        actions.perform(operator, "replay callback", "delivery " + deliveryId, before, flash, () -> {
            Delivery replay = hub.replay(deliveryId);
            return new Done(
                    "new delivery " + replay.id() + " " + replay.status(), "Replay queued as delivery " + replay.id());
        });
        return "redirect:/admin/callbacks";
    }

    /**
     * Replays the deliveries ticked on the page, each as its own audited action; stops at a service that does
     * not answer (what was replayed before stays replayed and audited).
     */
    @PostMapping("/admin/callbacks/replay")
    String replaySelected(
            @RequestParam(name = "ids", required = false) @Nullable List<String> ids,
            Principal operator,
            RedirectAttributes flash) {
        List<UUID> deliveries = ids == null
                ? List.of()
                : ids.stream()
                        .distinct()
                        .map(id -> PathIds.parse(id, "delivery"))
                        .toList();
        if (deliveries.isEmpty() || deliveries.size() > MAX_SELECTED) {
            flash.addFlashAttribute("problem", "Select between 1 and " + MAX_SELECTED + " deliveries to replay");
            return "redirect:/admin/callbacks";
        }
        List<String> refusals = new ArrayList<>();
        for (UUID deliveryId : deliveries) {
            RedirectAttributesModelMap outcome = new RedirectAttributesModelMap();
            boolean accepted =
                    actions.perform(operator, "replay callback", "delivery " + deliveryId, "selected", outcome, () -> {
                        Delivery replay = hub.replay(deliveryId);
                        return new Done("new delivery " + replay.id() + " " + replay.status(), "");
                    });
            if (!accepted) {
                refusals.add(String.valueOf(outcome.getFlashAttributes().get("problem")));
            }
        }
        int queued = deliveries.size() - refusals.size();
        flash.addFlashAttribute("message", queued + " of " + deliveries.size() + " replays queued");
        if (!refusals.isEmpty()) {
            flash.addFlashAttribute("problem", String.join("; ", refusals));
        }
        return "redirect:/admin/callbacks";
    }

    @PostMapping("/admin/callbacks/endpoints/{name}/enable")
    String enable(@PathVariable String name, Principal operator, RedirectAttributes flash) {
        if (!ENDPOINT_NAME.matcher(name).matches()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "No such endpoint");
        }
        actions.perform(operator, "enable endpoint", "endpoint " + name, "disabled", flash, () -> {
            Endpoint endpoint = hub.enableEndpoint(name);
            return new Done(endpoint.status(), "Endpoint " + endpoint.name() + " is " + endpoint.status());
        });
        return "redirect:/admin/callbacks";
    }
}
