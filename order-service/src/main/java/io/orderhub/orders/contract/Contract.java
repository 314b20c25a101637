package io.orderhub.orders.contract;

import io.orderhub.money.Money;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A contract at one version: its channel (fixed), status, business customer, payment terms, credit limit and
 * agreed prices (in the limit's currency; none is an empty list). Immutable; a change is the next version
 * ({@link #changed}), and orders on account are admitted by {@link #admit}. The credit limit's currency never
 * changes.
 */
public record Contract(
        ContractId id,
        String channel,
        long version,
        ContractStatus status,
        BusinessCustomer customer,
        PaymentTerms paymentTerms,
        Money creditLimit,
        List<AgreedPrice> agreedPrices,
        Instant createdAt,
        Instant updatedAt) {

    public Contract {
        agreedPrices = List.copyOf(agreedPrices);
    }

    /**
     * One line of an order on account as the price check sees it: its SKU, quantity, unit price and line total
     * ({@code price}); SKU, unit price and line total may be null (the line total is then unit price × quantity).
     */
    public record OrderLine(String sku, BigDecimal quantity, BigDecimal unitPrice, BigDecimal price) {}

    /**
     * Lets an order on account through, or refuses it: the contract must be the order's channel's, active, in
     * the order's currency, every line with an agreed SKU must carry exactly the agreed unit price, and the
     * contract's open receivables plus the order must stay within the credit limit.
     */
    public void admit(String orderChannel, Money orderTotal, Money openReceivables, List<OrderLine> lines) {
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
        checkAgreedPrices(lines);
        if (openReceivables.plus(orderTotal).compareTo(creditLimit) > 0) {
            throw new CreditLimitExceededException(id, creditLimit, openReceivables, orderTotal);
        }
    }

    /**
     * Refuses the order naming every line whose SKU has an agreed price but whose unit price is another (compared
     * as numbers: 8.5 is 8.50) or missing, or whose line total is not that unit price times the quantity (a line
     * discount would undercut the agreement). SKUs are compared exactly, after stripping surrounding blanks as the
     * contract's SKUs were.
     */
    private void checkAgreedPrices(List<OrderLine> lines) {
        if (agreedPrices.isEmpty()) {
            return;
        }
        Map<String, BigDecimal> agreed = new HashMap<>();
        agreedPrices.forEach(p -> agreed.put(p.sku(), p.unitPrice()));
        ContractInput.Problems p = new ContractInput.Problems();
        for (int i = 0; i < lines.size(); i++) {
            OrderLine line = lines.get(i);
            BigDecimal price = line.sku() == null ? null : agreed.get(line.sku().strip());
            if (price == null) {
                continue;
            }
            String agreement = "the contract agrees " + Money.of(price, creditLimit.currency()) + " for "
                    + line.sku().strip();
            if (line.unitPrice() == null) {
                p.add("items[" + i + "].unit_price", agreement + ": the agreed unit_price is required");
            } else if (line.unitPrice().compareTo(price) != 0) {
                p.add("items[" + i + "].unit_price", agreement);
            } else if (line.price() != null
                    && line.quantity() != null
                    && line.price().compareTo(price.multiply(line.quantity())) != 0) {
                p.add(
                        "items[" + i + "].price",
                        agreement + ": the line total must be "
                                + line.quantity().stripTrailingZeros().toPlainString()
                                + " × " + Money.of(price, creditLimit.currency()) + " = "
                                + Money.of(price.multiply(line.quantity()), creditLimit.currency()));
            }
        }
        p.throwIfAny();
    }

    /**
     * The next version with what the change names; the rest stays. A change of channel or of the limit's
     * currency is refused (naming the channel again is no change), and so are agreed prices with more
     * fraction digits than the limit's currency has — every such problem at once.
     */
    Contract changed(ContractChange change, Instant at) {
        ContractInput.Problems p = new ContractInput.Problems();
        if (change.channel() != null && !change.channel().equals(channel)) {
            p.add("channel", "cannot change (it is " + channel + "): create a new contract for another channel");
        }
        if (change.creditLimit() != null && !change.creditLimit().currency().equals(creditLimit.currency())) {
            p.add(
                    "credit_limit.currency",
                    "cannot change (it is " + creditLimit.currency().code()
                            + "): orders on account are in it; create a new contract for another currency");
        }
        if (change.agreedPrices() != null) {
            ContractInput.unitPricesFit(p, change.agreedPrices(), creditLimit.currency());
        }
        p.throwIfAny();
        return new Contract(
                id,
                channel,
                version + 1,
                change.status() != null ? change.status() : status,
                change.customer() != null ? change.customer() : customer,
                change.paymentTerms() != null ? change.paymentTerms() : paymentTerms,
                change.creditLimit() != null ? change.creditLimit() : creditLimit,
                change.agreedPrices() != null ? change.agreedPrices() : agreedPrices,
                createdAt,
                at);
    }

    /** What a change sets; null leaves a part as it is (an empty list of agreed prices removes them). */
    record ContractChange(
            String channel,
            ContractStatus status,
            BusinessCustomer customer,
            PaymentTerms paymentTerms,
            Money creditLimit,
            List<AgreedPrice> agreedPrices) {}
}
