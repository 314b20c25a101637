package io.orderhub.orders.contract;

import io.orderhub.money.Money;
import io.orderhub.orders.Caller;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Changes a contract's status, customer, payment terms, credit limit or agreed prices as its next version.
 * Orders placed before keep the version they were placed under; the change applies to new orders only.
 */
@Service
public class ChangeContract {

    private final ContractRepository contracts;
    private final Clock clock;

    ChangeContract(ContractRepository contracts, Clock clock) {
        this.contracts = contracts;
        this.clock = clock;
    }

    /**
     * What to change, checked on construction; a part left null stays as it is, but one part is required.
     * {@code channel} may only name the contract's own channel.
     */
    public record Command(
            ContractId id,
            String channel,
            ContractStatus status,
            BusinessCustomer customer,
            PaymentTerms paymentTerms,
            Money creditLimit,
            List<AgreedPrice> agreedPrices) {

        /**
         * {@code agreedPrices} replaces the contract's prices whole ({@code []} removes them); their fraction
         * digits are checked against the contract's currency when the change is applied.
         */
        public static Command of(
                ContractId id,
                String channel,
                String status,
                ContractInput.Customer customer,
                ContractInput.Terms paymentTerms,
                ContractInput.Limit creditLimit,
                List<ContractInput.Price> agreedPrices) {
            ContractInput.Problems p = new ContractInput.Problems();
            if (status == null
                    && customer == null
                    && paymentTerms == null
                    && creditLimit == null
                    && agreedPrices == null) {
                p.add("status", "status, customer, payment_terms, credit_limit or agreed_prices is required");
            }
            ContractStatus checkedStatus = ContractInput.status(p, status);
            BusinessCustomer checkedCustomer = customer == null ? null : ContractInput.customer(p, customer);
            PaymentTerms checkedTerms = paymentTerms == null ? null : ContractInput.terms(p, paymentTerms);
            Money checkedLimit = creditLimit == null ? null : ContractInput.creditLimit(p, creditLimit);
            List<AgreedPrice> checkedPrices = ContractInput.agreedPrices(p, agreedPrices, null);
            p.throwIfAny();
            return new Command(id, channel, checkedStatus, checkedCustomer, checkedTerms, checkedLimit, checkedPrices);
        }
    }

    @Transactional
    public Contract change(Command command, Caller caller) {
        Contract current = contracts
                .lockForUpdate(command.id())
                .filter(c -> caller.canSee(c.channel()))
                .orElseThrow(() -> new ContractNotFoundException(command.id()));
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        Contract next = current.changed(
                new Contract.ContractChange(
                        command.channel(),
                        command.status(),
                        command.customer(),
                        command.paymentTerms(),
                        command.creditLimit(),
                        command.agreedPrices()),
                now);
        contracts.saveNextVersion(next, caller.name());
        return next;
    }
}
