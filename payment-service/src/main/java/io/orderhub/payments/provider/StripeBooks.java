package io.orderhub.payments.provider;

import com.stripe.StripeClient;
import com.stripe.model.PaymentIntent;
import com.stripe.model.Refund;
import com.stripe.param.PaymentIntentListParams;
import com.stripe.param.RefundListParams;
import io.orderhub.money.CurrencyCode;
import io.orderhub.money.Money;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import org.springframework.stereotype.Component;

/**
 * Stripe's books through stripe-java's list calls: the PaymentIntents created in the window ({@code created[gte]},
 * {@code created[lt]}), 100 a page, followed with {@code starting_after} while {@code has_more}; and the refunds
 * created since the window opened (a refund always comes after its PaymentIntent), summed per PaymentIntent
 * where they succeeded. Each page is one call that a 429 may delay, never skip.
 */
@Component
class StripeBooks implements ProviderBooks {

    private final StripeClient stripe;
    private final ProviderSettings settings;
    private final StripePages pages;

    StripeBooks(StripeClient stripe, ProviderSettings settings, StripePages pages) {
        this.stripe = stripe;
        this.settings = settings;
        this.pages = pages;
    }

    @Override
    public String name() {
        return "stripe";
    }

    @Override
    public boolean configured() {
        return StripePages.configured(settings);
    }

    @Override
    public void payments(Instant from, Instant to, Consumer<ProviderPayment> each) {
        Map<String, Long> refunded = refundedSince(from);
        PaymentIntentListParams.Created created = PaymentIntentListParams.Created.builder()
                .setGte(from.getEpochSecond())
                .setLt(to.getEpochSecond())
                .build();
        pages.each(
                after -> {
                    PaymentIntentListParams.Builder params = PaymentIntentListParams.builder()
                            .setCreated(created)
                            .setLimit(StripePages.SIZE);
                    if (after != null) {
                        params.setStartingAfter(after);
                    }
                    return stripe.v1().paymentIntents().list(params.build());
                },
                intent -> each.accept(payment(intent, refunded.getOrDefault(intent.getId(), 0L))));
    }

    private Map<String, Long> refundedSince(Instant from) {
        Map<String, Long> refunded = new HashMap<>();
        RefundListParams.Created created =
                RefundListParams.Created.builder().setGte(from.getEpochSecond()).build();
        pages.each(
                after -> {
                    RefundListParams.Builder params =
                            RefundListParams.builder().setCreated(created).setLimit(StripePages.SIZE);
                    if (after != null) {
                        params.setStartingAfter(after);
                    }
                    return stripe.v1().refunds().list(params.build());
                },
                (Refund refund) -> {
                    if ("succeeded".equals(refund.getStatus()) && refund.getPaymentIntent() != null) {
                        refunded.merge(refund.getPaymentIntent(), refund.getAmount(), Long::sum);
                    }
                });
        return refunded;
    }

    static ProviderPayment payment(PaymentIntent intent, long refundedMinor) {
        String code = intent.getCurrency() == null ? "" : intent.getCurrency().toUpperCase(Locale.ROOT);
        BigDecimal amount = null;
        BigDecimal refunded = null;
        try {
            CurrencyCode currency = CurrencyCode.of(code);
            amount = Money.ofMinorUnits(intent.getAmount(), currency).amount();
            refunded = Money.ofMinorUnits(refundedMinor, currency).amount();
        } catch (RuntimeException e) {
            // A currency the hub does not know: the amount cannot be compared, the currency still can.
        }
        Map<String, String> metadata = intent.getMetadata();
        return new ProviderPayment(
                intent.getId(),
                metadata == null ? null : metadata.get(StripeProvider.PAYMENT_ID),
                StripeProvider.status(intent),
                intent.getStatus(),
                amount,
                code,
                refunded,
                intent.getCreated() == null ? null : Instant.ofEpochSecond(intent.getCreated()),
                List.of());
    }
}
