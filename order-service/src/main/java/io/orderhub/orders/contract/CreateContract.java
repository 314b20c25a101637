package io.orderhub.orders.contract;

import io.orderhub.money.Money;
import io.orderhub.orders.Caller;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Creates a contract at version 1, active (docs/b2b.md). */
@Service
public class CreateContract {

    private final ContractRepository contracts;
    private final Clock clock;

    CreateContract(ContractRepository contracts, Clock clock) {
        this.contracts = contracts;
        this.clock = clock;
    }

    /** A contract as the client sent it, checked field by field on construction ({@link InvalidContractException}). */
    public record Command(
            String channel,
            BusinessCustomer customer,
            PaymentTerms paymentTerms,
            Money creditLimit,
            List<AgreedPrice> agreedPrices) {

        /** {@code agreedPrices} is optional: null or empty, the contract agrees no prices. */
        public static Command of(
                String channel,
                ContractInput.Customer customer,
                ContractInput.Terms paymentTerms,
                ContractInput.Limit creditLimit,
                List<ContractInput.Price> agreedPrices) {
            ContractInput.Problems p = new ContractInput.Problems();
            String checkedChannel = p.required("channel", channel, 64);
            BusinessCustomer checkedCustomer = ContractInput.customer(p, customer);
            PaymentTerms checkedTerms = ContractInput.terms(p, paymentTerms);
            Money checkedLimit = ContractInput.creditLimit(p, creditLimit);
            List<AgreedPrice> checkedPrices =
                    ContractInput.agreedPrices(p, agreedPrices, checkedLimit == null ? null : checkedLimit.currency());
            p.throwIfAny();
            return new Command(
                    checkedChannel,
                    checkedCustomer,
                    checkedTerms,
                    checkedLimit,
                    checkedPrices == null ? List.of() : checkedPrices);
        }
    }

    @Transactional
    public Contract create(Command command, Caller caller) {
        if (!caller.canSee(command.channel())) {
            throw InvalidContractException.of("channel", "must be the caller's own channel");
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        Contract contract = new Contract(
                ContractId.next(),
                command.channel(),
                1,
                ContractStatus.ACTIVE,
                command.customer(),
                command.paymentTerms(),
                command.creditLimit(),
                command.agreedPrices(),
                now,
                now);
        contracts.insert(contract, caller.name());
        return contract;
    }
}
