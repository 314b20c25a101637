package io.orderhub.orders.contract;

/** No contract with this id — or one of a channel the caller may not see, which must look the same. */
public class ContractNotFoundException extends RuntimeException {

    ContractNotFoundException(ContractId id) {
        super("Contract " + id + " not found");
    }
}
