/** The channels' callback endpoints: read from the environment, their format and secrets, disabled on 410. */
package io.orderhub.callbacks.endpoint;
