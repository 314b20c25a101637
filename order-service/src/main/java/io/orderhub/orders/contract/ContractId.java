package io.orderhub.orders.contract;

import io.orderhub.messaging.id.Ids;
import java.util.UUID;

public record ContractId(UUID value) {

    public ContractId {
        if (value == null) {
            throw new IllegalArgumentException("A contract id is required");
        }
    }

    static ContractId next() {
        return new ContractId(Ids.next());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
