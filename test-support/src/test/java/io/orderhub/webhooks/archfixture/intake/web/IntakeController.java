package io.orderhub.webhooks.archfixture.intake.web;

import io.orderhub.httpapi.archfixture.HttpProblem;
import io.orderhub.webhooks.archfixture.intake.Intake;

/** Keeps the rule: the web layer maps the use case's answers to HTTP. */
public class IntakeController {
    Intake intake;
    HttpProblem problem;
}
