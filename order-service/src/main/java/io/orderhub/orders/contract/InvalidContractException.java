package io.orderhub.orders.contract;

import java.util.List;

/**
 * A request that cannot become a contract, a change of one or an order on account under one, with every
 * field that is wrong (named by its JSON path as the client wrote it).
 */
public class InvalidContractException extends RuntimeException {

    /** One invalid field and what is wrong with it. */
    public record FieldProblem(String field, String message) {}

    private final List<FieldProblem> problems;

    InvalidContractException(List<FieldProblem> problems) {
        super(
                problems.size() == 1
                        ? problems.get(0).field() + ": " + problems.get(0).message()
                        : problems.size() + " fields are invalid");
        this.problems = List.copyOf(problems);
    }

    static InvalidContractException of(String field, String message) {
        return new InvalidContractException(List.of(new FieldProblem(field, message)));
    }

    public List<FieldProblem> problems() {
        return problems;
    }
}
