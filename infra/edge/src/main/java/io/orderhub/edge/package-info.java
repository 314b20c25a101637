/** The edge: one origin for channels and providers, routing by path to the four services. */
package io.orderhub.edge;
