/**
 * A job run periodically while the application runs ({@link io.orderhub.httpapi.periodic.PeriodicJob}): the
 * retention purges of Idempotency-Keys, of the inbox and of callback deliveries. It lives in http-api, the lowest
 * module every service and messaging build on, so there is one; it speaks no HTTP, which is why the services'
 * architecture rules let their domain use it.
 */
package io.orderhub.httpapi.periodic;
