/**
 * Rate limits: per API key and service, shared by every instance through PostgreSQL (Bucket4j); failed
 * authentication per client address, in each instance's memory.
 */
package io.orderhub.httpapi.ratelimit;
