/** Order creation through the REST API beside PostgreSQL's own limit for the same transaction (pgbench). */
package io.orderhub.bench.orders;
