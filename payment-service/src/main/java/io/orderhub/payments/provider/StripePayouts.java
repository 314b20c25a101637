package io.orderhub.payments.provider;

import com.stripe.StripeClient;
import com.stripe.model.BalanceTransaction;
import com.stripe.model.BalanceTransactionSource;
import com.stripe.model.Charge;
import com.stripe.param.BalanceTransactionListParams;
import com.stripe.param.PayoutListParams;
import io.orderhub.money.CurrencyCode;
import io.orderhub.money.Money;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * Stripe's payouts that arrive in a window ({@code arrival_date[gte]}, {@code arrival_date[lt]}) with the balance
 * transactions each contains ({@code payout=po_...}, their sources expanded so that a charge or refund names its
 * PaymentIntent). Amounts in the currency's major unit; the payout's own transaction is left out.
 */
@Component
public class StripePayouts {

    /** One payout as Stripe reports it, with what it paid out. */
    public record Payout(
            String id,
            Instant arrivalDate,
            String status,
            BigDecimal amount,
            String currency,
            List<Transaction> transactions) {}

    /**
     * One balance transaction of a payout: {@code type} as Stripe names it ({@code charge}, {@code payment},
     * {@code refund}, {@code adjustment}, {@code stripe_fee}, ...), its source and the PaymentIntent behind it.
     */
    public record Transaction(
            String id,
            String type,
            String source,
            String paymentIntent,
            BigDecimal amount,
            BigDecimal fee,
            BigDecimal net,
            String currency) {}

    private final StripeClient stripe;
    private final ProviderSettings settings;
    private final StripePages pages;

    StripePayouts(StripeClient stripe, ProviderSettings settings, StripePages pages) {
        this.stripe = stripe;
        this.settings = settings;
        this.pages = pages;
    }

    public boolean configured() {
        return StripePages.configured(settings);
    }

    /** The payouts arriving in {@code [from, to)}, oldest first, each with its transactions. */
    public List<Payout> arriving(Instant from, Instant to) {
        List<com.stripe.model.Payout> found = new ArrayList<>();
        PayoutListParams.ArrivalDate arrival = PayoutListParams.ArrivalDate.builder()
                .setGte(from.getEpochSecond())
                .setLt(to.getEpochSecond())
                .build();
        pages.each(
                after -> {
                    PayoutListParams.Builder params =
                            PayoutListParams.builder().setArrivalDate(arrival).setLimit(StripePages.SIZE);
                    if (after != null) {
                        params.setStartingAfter(after);
                    }
                    return stripe.v1().payouts().list(params.build());
                },
                found::add);
        return found.stream()
                .sorted(java.util.Comparator.comparing(com.stripe.model.Payout::getArrivalDate))
                .map(this::payout)
                .toList();
    }

    private Payout payout(com.stripe.model.Payout payout) {
        List<Transaction> transactions = new ArrayList<>();
        pages.each(
                after -> {
                    BalanceTransactionListParams.Builder params = BalanceTransactionListParams.builder()
                            .setPayout(payout.getId())
                            .addExpand("data.source")
                            .setLimit(StripePages.SIZE);
                    if (after != null) {
                        params.setStartingAfter(after);
                    }
                    return stripe.v1().balanceTransactions().list(params.build());
                },
                (BalanceTransaction bt) -> {
                    if (!"payout".equals(bt.getType())) {
                        transactions.add(transaction(bt));
                    }
                });
        return new Payout(
                payout.getId(),
                Instant.ofEpochSecond(payout.getArrivalDate()),
                payout.getStatus(),
                major(payout.getAmount(), payout.getCurrency()),
                code(payout.getCurrency()),
                transactions);
    }

    private static Transaction transaction(BalanceTransaction bt) {
        BalanceTransactionSource source = bt.getSourceObject();
        String paymentIntent = null;
        if (source instanceof Charge charge) {
            paymentIntent = charge.getPaymentIntent();
        } else if (source instanceof com.stripe.model.Refund refund) {
            paymentIntent = refund.getPaymentIntent();
        }
        return new Transaction(
                bt.getId(),
                bt.getType(),
                bt.getSource(),
                paymentIntent,
                major(bt.getAmount(), bt.getCurrency()),
                major(bt.getFee(), bt.getCurrency()),
                major(bt.getNet(), bt.getCurrency()),
                code(bt.getCurrency()));
    }

    private static String code(String currency) {
        return currency == null ? "" : currency.toUpperCase(Locale.ROOT);
    }

    private static BigDecimal major(Long minor, String currency) {
        long value = minor == null ? 0 : minor;
        try {
            return Money.ofMinorUnits(value, CurrencyCode.of(code(currency))).amount();
        } catch (RuntimeException e) {
            return BigDecimal.valueOf(value);
        }
    }
}
