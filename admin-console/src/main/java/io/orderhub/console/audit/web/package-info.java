/** The audit page. */
package io.orderhub.console.audit.web;
