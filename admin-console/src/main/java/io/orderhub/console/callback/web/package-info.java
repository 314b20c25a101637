/** Failing and dead-lettered callback deliveries, and their replay. */
package io.orderhub.console.callback.web;
