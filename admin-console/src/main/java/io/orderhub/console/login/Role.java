package io.orderhub.console.login;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Viewers read every page; operators also act (replay, ...). */
public enum Role {
    VIEWER,
    OPERATOR;

    static Optional<Role> named(String name) {
        return Arrays.stream(values())
                .filter(role -> role.name().equals(name.strip().toUpperCase(Locale.ROOT)))
                .findFirst();
    }
}
