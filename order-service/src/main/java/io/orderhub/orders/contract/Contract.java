package io.orderhub.orders.contract;

import io.orderhub.money.Money;
import java.time.Instant;

/**
 * A contract at one version: its channel (fixed), status, business customer, payment terms and credit limit.
 * Immutable; a change is the next version ({@link #changed}), and orders on account are admitted by
 * {@link #admit}. The credit limit's currency never changes.
 */
public record Contract(
        ContractId id,
        String channel,
        long version,
        ContractStatus status,
        BusinessCustomer customer,
        PaymentTerms paymentTerms,
        Money creditLimit,
        Instant createdAt,
        Instant updatedAt) {

    /**
     * Lets an order on account through, or refuses it: the contract must be the order's channel's, active, in
     * the order's currency, and its open receivables plus the order must stay within the credit limit.
     */
    public void admit(String orderChannel, Money orderTotal, Money openReceivables) {
        if (!channel.equals(orderChannel)) {
            // Another channel's contract looks like no contract at all.
            throw InvalidContractException.of("contract_id", ContractInput.NO_SUCH_CONTRACT);
        }
        if (status != ContractStatus.ACTIVE) {
            throw InvalidContractException.of(
                    "contract_id", "the contract is " + status.apiName() + ": it takes no orders on account");
        }
        if (!orderTotal.currency().equals(creditLimit.currency())) {
            throw InvalidContractException.of(
                    "currency",
                    "must be " + creditLimit.currency().code() + ", the currency of the contract's credit limit");
        }
        if (openReceivables.plus(orderTotal).compareTo(creditLimit) > 0) {
            throw new CreditLimitExceededException(id, creditLimit, openReceivables, orderTotal);
        }
    }

    /**
     * The next version with what the change names; the rest stays. A change of channel or of the limit's
     * currency is refused (naming the channel again is no change).
     */
    Contract changed(ContractChange change, Instant at) {
        if (change.channel() != null && !change.channel().equals(channel)) {
            throw InvalidContractException.of(
                    "channel", "cannot change (it is " + channel + "): create a new contract for another channel");
        }
        if (change.creditLimit() != null && !change.creditLimit().currency().equals(creditLimit.currency())) {
            throw InvalidContractException.of(
                    "credit_limit.currency",
                    "cannot change (it is " + creditLimit.currency().code()
                            + "): orders on account are in it; create a new contract for another currency");
        }
        return new Contract(
                id,
                channel,
                version + 1,
                change.status() != null ? change.status() : status,
                change.customer() != null ? change.customer() : customer,
                change.paymentTerms() != null ? change.paymentTerms() : paymentTerms,
                change.creditLimit() != null ? change.creditLimit() : creditLimit,
                createdAt,
                at);
    }

    /** What a change sets; null leaves a part as it is. */
    record ContractChange(
            String channel,
            ContractStatus status,
            BusinessCustomer customer,
            PaymentTerms paymentTerms,
            Money creditLimit) {}
}
