/** The event catalogue: which Avro record travels on which topic, and the released versions of each. */
package io.orderhub.schemas;
