/** Every operator action: a structured log line, and the latest ones kept in memory for the audit page. */
package io.orderhub.console.audit;
