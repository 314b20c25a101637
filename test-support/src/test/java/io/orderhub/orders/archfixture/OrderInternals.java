package io.orderhub.orders.archfixture;

/** Stands for a class of order-service. */
public class OrderInternals {}
