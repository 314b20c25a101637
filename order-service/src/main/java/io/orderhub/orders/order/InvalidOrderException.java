package io.orderhub.orders.order;

import java.util.List;

/** A request that cannot become an order or a change to one, with every field that is wrong. */
public class InvalidOrderException extends RuntimeException {

    private final List<Violation> violations;

    public InvalidOrderException(List<Violation> violations) {
        super(
                violations.size() == 1
                        ? violations.get(0).field() + ": " + violations.get(0).message()
                        : violations.size() + " fields are invalid");
        this.violations = List.copyOf(violations);
    }

    public List<Violation> violations() {
        return violations;
    }
}
