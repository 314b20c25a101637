package io.orderhub.orders.contract;

import io.orderhub.orders.Caller;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reads contracts for a caller; a contract of another channel is not found, exactly like a missing one. */
@Service
public class FindContracts {

    private final ContractRepository contracts;

    FindContracts(ContractRepository contracts) {
        this.contracts = contracts;
    }

    /** One page of contracts and where the next one starts (null on the last page). */
    public record Page(List<Contract> contracts, ContractQuery.Position next) {}

    @Transactional(readOnly = true)
    public Contract byId(ContractId id, Caller caller) {
        return contracts
                .find(id)
                .filter(c -> caller.canSee(c.channel()))
                .orElseThrow(() -> new ContractNotFoundException(id));
    }

    /**
     * The customer and payment terms of an order on account's contract version, which the order's events
     * carry. Every order on account points at an existing version (a foreign key), so none missing is a bug.
     */
    @Transactional(readOnly = true)
    public ContractTerms termsAt(ContractId id, long version) {
        return contracts
                .termsAt(id, version)
                .orElseThrow(() -> new IllegalStateException("Contract " + id + " has no version " + version));
    }

    /** Newest first; a channel's key sees only its own channel's contracts. */
    @Transactional(readOnly = true)
    public Page page(ContractQuery query, Caller caller) {
        ContractQuery visible = query;
        if (!caller.seesAllChannels()) {
            if (query.channel() != null && !caller.canSee(query.channel())) {
                return new Page(List.of(), null);
            }
            visible = new ContractQuery(caller.channel(), query.status(), query.after(), query.limit());
        }
        List<Contract> found = contracts.page(visible, query.limit() + 1);
        if (found.size() <= query.limit()) {
            return new Page(found, null);
        }
        List<Contract> page = found.subList(0, query.limit());
        Contract last = page.get(page.size() - 1);
        return new Page(
                List.copyOf(page),
                new ContractQuery.Position(last.createdAt(), last.id().value()));
    }
}
