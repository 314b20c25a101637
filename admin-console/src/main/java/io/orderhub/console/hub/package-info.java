/** The services' REST APIs as the console reads and calls them, with the console's own admin key. */
package io.orderhub.console.hub;
