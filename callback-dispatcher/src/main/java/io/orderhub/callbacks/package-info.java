/** callback-dispatcher: every order change after creation, delivered to the channel that owns the order. */
package io.orderhub.callbacks;
