/** What every request gets before anything else: a request id in every log line, a bounded body. */
package io.orderhub.httpapi.request;
