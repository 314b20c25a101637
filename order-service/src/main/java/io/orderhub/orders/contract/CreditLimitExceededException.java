package io.orderhub.orders.contract;

import io.orderhub.money.Money;

/** An order on account that would take the contract's open receivables beyond its credit limit. */
public class CreditLimitExceededException extends RuntimeException {

    private final ContractId contract;
    private final Money creditLimit;
    private final Money openReceivables;
    private final Money orderTotal;

    CreditLimitExceededException(ContractId contract, Money creditLimit, Money openReceivables, Money orderTotal) {
        super("The order's " + orderTotal.amount().toPlainString() + " "
                + orderTotal.currency().code()
                + " and the open receivables of " + openReceivables.amount().toPlainString() + " "
                + openReceivables.currency().code() + " exceed the contract's credit limit of "
                + creditLimit.amount().toPlainString() + " "
                + creditLimit.currency().code());
        this.contract = contract;
        this.creditLimit = creditLimit;
        this.openReceivables = openReceivables;
        this.orderTotal = orderTotal;
    }

    public ContractId contract() {
        return contract;
    }

    public Money creditLimit() {
        return creditLimit;
    }

    public Money openReceivables() {
        return openReceivables;
    }

    public Money orderTotal() {
        return orderTotal;
    }
}
