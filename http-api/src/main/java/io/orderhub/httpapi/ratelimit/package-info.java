/** Rate limits per API key and service, shared by every instance through PostgreSQL (Bucket4j). */
package io.orderhub.httpapi.ratelimit;
