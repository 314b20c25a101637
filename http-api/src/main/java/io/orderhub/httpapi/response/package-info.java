/** The success envelope and cursor pagination of the REST contract. */
package io.orderhub.httpapi.response;
