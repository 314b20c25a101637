/** A job run periodically while the application runs ({@link io.orderhub.messaging.periodic.PeriodicJob}). */
package io.orderhub.messaging.periodic;
