package io.orderhub.payments.archfixture.refund;

import io.orderhub.httpapi.archfixture.HttpProblem;

/** Breaks the rule on purpose: a use case throwing an HTTP problem instead of a domain exception. */
public class RefundWithHttp {
    HttpProblem refusal;
}
