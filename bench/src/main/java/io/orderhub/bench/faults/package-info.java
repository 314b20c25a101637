/** Issue 15's fault benchmark: single faults under a steady mixed load, audited and measured. */
package io.orderhub.bench.faults;
