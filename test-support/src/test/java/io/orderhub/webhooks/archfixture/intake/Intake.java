package io.orderhub.webhooks.archfixture.intake;

/** A use case that speaks no HTTP. */
public class Intake {}
