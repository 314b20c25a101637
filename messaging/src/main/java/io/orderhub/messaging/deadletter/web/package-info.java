/** The admin API over a service's dead letters: list them, replay one or all. */
package io.orderhub.messaging.deadletter.web;
