/** The OpenAPI description every service serves on {@code /v3/api-docs}, with the contract's shared parts. */
package io.orderhub.httpapi.openapi;
