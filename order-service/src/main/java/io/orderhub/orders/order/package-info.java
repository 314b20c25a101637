/** Orders: placing them and the events they publish. */
package io.orderhub.orders.order;
