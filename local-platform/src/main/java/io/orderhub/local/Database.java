package io.orderhub.local;

/** Where one service's data live. */
public record Database(String jdbcUrl, String username, String password) {}
