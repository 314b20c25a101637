package io.orderhub.console.deadletter.web;

import io.orderhub.console.audit.web.AuditedActions;
import io.orderhub.console.audit.web.AuditedActions.Done;
import io.orderhub.console.hub.HubClient;
import io.orderhub.console.hub.HubUnavailable;
import io.orderhub.console.hub.Views.DeadLetter;
import java.security.Principal;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Events the consuming services' consumer groups dead-lettered, per service (each answers only for its own
 * groups, on its own port), and replaying one or all of a service's once the cause is fixed. A replay
 * publishes the event again to the partition it came from; a group that had applied it skips it by its
 * event id, and one that fails again dead-letters it again.
 */
@Controller
class DeadLetterPages {

    /** A Kafka topic name (letters, digits, '.', '_', '-'); nothing else names a dead letter's topic. */
    private static final Pattern TOPIC = Pattern.compile("[A-Za-z0-9._-]{1,249}");

    private final HubClient hub;
    private final AuditedActions actions;

    DeadLetterPages(HubClient hub, AuditedActions actions) {
        this.hub = hub;
        this.actions = actions;
    }

    /** One service's dead letters, or why they could not be read. */
    record ServiceDeadLetters(
            String service,
            List<DeadLetter> deadLetters,
            @Nullable String unavailable) {}

    @GetMapping("/admin/dead-letters")
    String deadLetters(Model model) {
        List<ServiceDeadLetters> services = new ArrayList<>();
        for (String service : hub.deadLetterServices()) {
            try {
                services.add(new ServiceDeadLetters(service, hub.deadLetters(service), null));
            } catch (HubUnavailable e) {
                // One service down must not hide the others' dead letters.
                services.add(new ServiceDeadLetters(service, List.of(), e.getMessage()));
            }
        }
        model.addAttribute("services", services);
        return "dead-letters";
    }

    @PostMapping("/admin/dead-letters/{service}/{topic}/{partition}/{offset}/replay")
    String replay(
            @PathVariable String service,
            @PathVariable String topic,
            @PathVariable String partition,
            @PathVariable String offset,
            Principal operator,
            RedirectAttributes flash) {
        requireService(service);
        long partitionNumber = digits(partition);
        long offsetNumber = digits(offset);
        if (!TOPIC.matcher(topic).matches() || partitionNumber > Integer.MAX_VALUE) {
            throw noSuchDeadLetter();
        }
        String target = service + " " + topic + " partition " + partitionNumber + " offset " + offsetNumber;
        actions.perform(operator, "replay dead letter", target, "dead-lettered", flash, () -> {
            DeadLetter letter = hub.replayDeadLetter(service, topic, (int) partitionNumber, offsetNumber);
            return Done.accepted(
                    "replay",
                    "event " + letter.eventId() + " republished to " + letter.originalTopic() + " partition "
                            + letter.originalPartition());
        });
        return "redirect:/admin/dead-letters";
    }

    @PostMapping("/admin/dead-letters/{service}/replay-all")
    String replayAll(@PathVariable String service, Principal operator, RedirectAttributes flash) {
        requireService(service);
        actions.perform(operator, "replay all dead letters", service, "dead-lettered", flash, () -> {
            List<DeadLetter> replayed = hub.replayAllDeadLetters(service);
            return Done.accepted("replay of " + replayed.size() + " dead letters", replayed.size() + " republished");
        });
        return "redirect:/admin/dead-letters";
    }

    private void requireService(String service) {
        if (!hub.deadLetterServices().contains(service)) {
            throw noSuchDeadLetter();
        }
    }

    /** A partition or an offset from the path: up to 18 digits (no overflow), else the path names nothing. */
    private static long digits(String text) {
        if (text.isEmpty() || text.length() > 18 || !text.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw noSuchDeadLetter();
        }
        return Long.parseLong(text);
    }

    private static ResponseStatusException noSuchDeadLetter() {
        return new ResponseStatusException(HttpStatus.NOT_FOUND, "No such dead letter");
    }
}
