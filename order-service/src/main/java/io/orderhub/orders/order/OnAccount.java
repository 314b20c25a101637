package io.orderhub.orders.order;

import io.orderhub.money.Money;
import io.orderhub.orders.contract.ContractId;
import java.util.Objects;

/**
 * How an order on account is paid: under its B2B contract, at the version of the contract's terms it was
 * placed under, by bank transfer against an invoice (docs/b2b.md). {@code credited} is what credit notes of
 * the order's invoice took back (payment-service's invoice events): it lowers what the buyer owes.
 */
public record OnAccount(ContractId contract, long contractVersion, Money credited) {

    /** The only payment method an order names today. */
    public static final String INVOICE = "invoice";

    public OnAccount {
        Objects.requireNonNull(contract, "contract");
        Objects.requireNonNull(credited, "credited");
    }

    public String paymentMethod() {
        return INVOICE;
    }

    OnAccount withCredited(Money newCredited) {
        return new OnAccount(contract, contractVersion, newCredited);
    }
}
