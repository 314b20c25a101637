package io.orderhub.testsupport;

/** A fresh database for one test context: where it is and how to log in. */
public record TestDatabase(String jdbcUrl, String username, String password) {}
