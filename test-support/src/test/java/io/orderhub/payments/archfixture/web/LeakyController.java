package io.orderhub.payments.archfixture.web;

import io.orderhub.payments.archfixture.payment.PaymentRepository;

/** Breaks the rule on purpose: a controller reaching for a repository. */
public class LeakyController {
    PaymentRepository payments;
}
