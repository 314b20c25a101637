/** The Overview page, the console's landing page, and its live figures as server-sent events. */
package io.orderhub.console.overview.web;
