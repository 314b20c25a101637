package io.orderhub.payments.provider;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/** The providers the hub calls, by name; any other provider name is a channel's own gateway (recorded). */
@Component
public class Providers {

    public static final String MANUAL = "manual";

    private final Map<String, PaymentProvider> byName;

    Providers(List<PaymentProvider> providers) {
        this.byName = providers.stream().collect(Collectors.toMap(PaymentProvider::name, Function.identity()));
    }

    public Optional<PaymentProvider> called(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    public PaymentProvider get(String name) {
        PaymentProvider provider = byName.get(name);
        if (provider == null) {
            throw new IllegalArgumentException("No provider the hub calls: " + name);
        }
        return provider;
    }

    /** The provider a payment goes through: recorded payments (manual, a channel's gateway) through none. */
    public PaymentProvider forPayment(io.orderhub.payments.payment.Payment payment) {
        return payment.recorded() ? byName.get(MANUAL) : get(payment.provider());
    }

    public boolean isCalled(String name) {
        return byName.containsKey(name);
    }
}
