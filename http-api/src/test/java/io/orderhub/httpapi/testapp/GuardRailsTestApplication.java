package io.orderhub.httpapi.testapp;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** A small service with a few endpoints behind the guard rails, for the kit's integration tests. */
@SpringBootApplication
public class GuardRailsTestApplication {}
