/** The HTTP side shared by the webhook endpoints: bounded raw body, acknowledgements, problem responses. */
package io.orderhub.webhooks.intake.web;
