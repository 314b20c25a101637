package io.orderhub.console.audit.web;

import io.orderhub.console.audit.AuditLog;
import io.orderhub.console.hub.HubRefusal;
import io.orderhub.console.hub.HubUnavailable;
import java.security.Principal;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * An operator's action carried out through the API, its outcome in the audit log — accepted, refused by the
 * service, or unanswered (then unknown: the exception goes on to the 502 page) — and in the flash message the
 * next page shows.
 */
@Component
public class AuditedActions {

    private final AuditLog audit;

    AuditedActions(AuditLog audit) {
        this.audit = audit;
    }

    /** What an accepted action left behind ({@code after} for the audit log) and what to tell the operator. */
    public record Done(String after, String message) {

        /** "Refund 10.00 EUR accepted: {after}". */
        public static Done accepted(String action, String after) {
            return new Done(after, capitalised(action) + " accepted: " + after);
        }
    }

    /** Carries the action out; answers whether the service accepted it (a refusal is in the flash message). */
    public boolean perform(
            Principal operator,
            String action,
            String target,
            @Nullable String before,
            RedirectAttributes flash,
            Supplier<Done> call) {
        try {
            Done done = call.get();
            audit.record(operator.getName(), action, target, "accepted", before, done.after());
            flash.addFlashAttribute("message", done.message());
            return true;
        } catch (HubRefusal refusal) {
            audit.record(
                    operator.getName(),
                    action,
                    target,
                    "refused (" + refusal.status() + "): " + refusal.getMessage(),
                    before,
                    null);
            flash.addFlashAttribute("problem", capitalised(action) + " refused: " + refusal.getMessage());
            return false;
        } catch (HubUnavailable unavailable) {
            audit.record(operator.getName(), action, target, "no answer: " + unavailable.getMessage(), before, null);
            throw unavailable;
        }
    }

    private static String capitalised(String action) {
        return Character.toUpperCase(action.charAt(0)) + action.substring(1);
    }
}
