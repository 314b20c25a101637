/** bin/orderhub-import: reads the old hub's database, repairs its known defects, imports through the hub's edge. */
package io.orderhub.importer;
