/** {@code /health} and {@code /api/v1/health} on every service. */
package io.orderhub.httpapi.health;
