/** What the rate limiter costs: permits per second on one key's hot row, with and without batching. */
package io.orderhub.bench.ratelimit;
