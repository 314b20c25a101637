package io.orderhub.payments.payment;

import java.util.List;

/**
 * A request that cannot become a payment or a refund, with every field that is wrong. order-service has its own
 * ({@code InvalidOrderException}): services share no domain classes across their boundary.
 */
public class InvalidRequest extends RuntimeException {

    private final List<Violation> violations;

    public InvalidRequest(List<Violation> violations) {
        super(
                violations.size() == 1
                        ? violations.get(0).field() + ": " + violations.get(0).message()
                        : violations.size() + " fields are invalid");
        this.violations = List.copyOf(violations);
    }

    public InvalidRequest(String field, String message) {
        this(List.of(new Violation(field, message)));
    }

    public List<Violation> violations() {
        return violations;
    }
}
