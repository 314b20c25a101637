/** Provider failures as problem responses: 502, 504, or 422 when the provider refused the request. */
package io.orderhub.payments.provider.web;
