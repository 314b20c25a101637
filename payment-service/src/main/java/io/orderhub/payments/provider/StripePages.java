package io.orderhub.payments.provider;

import com.stripe.exception.StripeException;
import com.stripe.model.HasId;
import com.stripe.model.StripeCollection;
import java.util.List;
import java.util.function.Consumer;
import org.springframework.stereotype.Component;

/**
 * Stripe's list paging: {@link #SIZE} objects a page, the next page {@code starting_after} the last object while
 * {@code has_more}. Each page is one call that a 429 may delay (through {@link RateLimitRetry}), never skip.
 */
@Component
class StripePages {

    static final long SIZE = 100L;

    private final RateLimitRetry retry;

    StripePages(RateLimitRetry retry) {
        this.retry = retry;
    }

    interface Page<T extends HasId> {
        StripeCollection<T> after(String startingAfter) throws StripeException;
    }

    <T extends HasId> void each(Page<T> page, Consumer<T> each) {
        String after = null;
        while (true) {
            String cursor = after;
            StripeCollection<T> got = retry.call(() -> StripeProvider.call(() -> page.after(cursor)));
            // A list without data (never from Stripe itself) reads as an empty page, not as a failure of the hub.
            List<T> data = got == null || got.getData() == null ? List.of() : got.getData();
            data.forEach(each);
            if (data.isEmpty() || !Boolean.TRUE.equals(got.getHasMore())) {
                return;
            }
            after = data.get(data.size() - 1).getId();
        }
    }

    static boolean configured(ProviderSettings settings) {
        return settings.stripe() != null
                && settings.stripe().apiKey() != null
                && !settings.stripe().apiKey().isBlank();
    }
}
