package io.orderhub.orders.contract;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** An active contract takes orders on account; a suspended one refuses them (its open orders stay as they are). */
public enum ContractStatus {
    ACTIVE,
    SUSPENDED;

    public String apiName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<ContractStatus> fromApiName(String name) {
        return Arrays.stream(values()).filter(s -> s.apiName().equals(name)).findFirst();
    }

    static String acceptedNames() {
        return Arrays.stream(values()).map(ContractStatus::apiName).collect(Collectors.joining(", "));
    }
}
