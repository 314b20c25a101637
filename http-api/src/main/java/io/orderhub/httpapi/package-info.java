/** The HTTP API kit: what every service's REST API shares. */
package io.orderhub.httpapi;
