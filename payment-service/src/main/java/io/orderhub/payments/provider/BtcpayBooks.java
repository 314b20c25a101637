package io.orderhub.payments.provider;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * BTCPay's books through Greenfield's invoice list ({@code GET /api/v1/stores/{storeId}/invoices} with
 * {@code startDate}, {@code endDate} in Unix seconds, {@code skip} and {@code take}), through the service's
 * BTCPay client; pages are read until one comes back short. Greenfield's dates are whole seconds and its end
 * inclusive, so invoices are kept only when created in {@code [from, to)}. Refunds are pull payments, read first
 * ({@link BtcpayRefunds}): an invoice's {@code refunded} is what the completed payouts of its refunds paid in its
 * own currency; a refund in another currency (BTCPay's UI refunds in BTC at a rate) is listed, not added.
 */
@Component
class BtcpayBooks implements ProviderBooks {

    static final int PAGE = 100;

    private final BtcpayProvider btcpay;
    private final ProviderSettings settings;
    private final RateLimitRetry retry;

    BtcpayBooks(BtcpayProvider btcpay, ProviderSettings settings, RateLimitRetry retry) {
        this.btcpay = btcpay;
        this.settings = settings;
        this.retry = retry;
    }

    @Override
    public String name() {
        return "btcpay";
    }

    @Override
    public boolean configured() {
        return settings.btcpay() != null
                && settings.btcpay().url() != null
                && !settings.btcpay().url().isBlank();
    }

    @Override
    public void payments(Instant from, Instant to, Consumer<ProviderPayment> each) {
        BtcpayRefunds refunds = BtcpayRefunds.read(btcpay, retry);
        long endSecond = to.getEpochSecond() + (to.getNano() > 0 ? 1 : 0);
        for (int skip = 0; ; skip += PAGE) {
            String path = btcpay.store("/invoices?startDate=" + from.getEpochSecond() + "&endDate=" + endSecond
                    + "&skip=" + skip + "&take=" + PAGE);
            JsonNode page = retry.call(() -> btcpay.send("GET", path, null));
            if (!page.isArray()) {
                throw new ProviderFailure(ProviderFailure.Kind.UNAVAILABLE, "BTCPay's invoice list is not a list");
            }
            int count = 0;
            for (JsonNode invoice : page) {
                count++;
                ProviderPayment payment = payment(invoice, refunds);
                if (payment.createdAt() == null
                        || (!payment.createdAt().isBefore(from)
                                && payment.createdAt().isBefore(to))) {
                    each.accept(payment);
                }
            }
            if (count < PAGE) {
                return;
            }
        }
    }

    static ProviderPayment payment(JsonNode invoice, BtcpayRefunds refunds) {
        ProviderState state = BtcpayProvider.state(invoice, false);
        String additional = invoice.path("additionalStatus").asString("None");
        String status = invoice.path("status").asString("");
        BigDecimal amount;
        try {
            amount = new BigDecimal(invoice.path("amount").asString(""));
        } catch (NumberFormatException e) {
            amount = null;
        }
        JsonNode created = invoice.path("createdTime");
        String hubId = invoice.path("metadata").path(StripeProvider.PAYMENT_ID).asString("");
        String currency = invoice.path("currency").asString("").toUpperCase(Locale.ROOT);
        List<ProviderRefund> refundsOfIt = refunds.of(invoice.path("id").asString(), hubId.isBlank() ? null : hubId);
        BigDecimal refunded = refundsOfIt.stream()
                .filter(refund -> refund.currency().equals(currency))
                .map(ProviderRefund::completed)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        return new ProviderPayment(
                invoice.path("id").asString(),
                hubId.isBlank() ? null : hubId,
                state.status(),
                additional.equals("None") ? status : status + " (" + additional + ")",
                amount,
                currency,
                refunded,
                created.isNumber() ? Instant.ofEpochSecond(created.asLong()) : null,
                List.copyOf(refundsOfIt));
    }
}
