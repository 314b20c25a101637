/** Benchmarks: load generators that measure the platform on this machine and write their results. */
package io.orderhub.bench;
