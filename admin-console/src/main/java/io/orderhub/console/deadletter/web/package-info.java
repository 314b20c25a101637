/** The dead-lettered events page: what each consuming service's consumers gave up on, and its replay. */
package io.orderhub.console.deadletter.web;
