/** {@code /api/v1/callbacks/endpoints}: which endpoints exist and whether they are disabled; enabling one again. */
package io.orderhub.callbacks.endpoint.web;
