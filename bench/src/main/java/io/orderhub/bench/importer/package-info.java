/** bin/orderhub-import against the whole platform: seconds and CPU per 10,000 of the old hub's orders. */
package io.orderhub.bench.importer;
