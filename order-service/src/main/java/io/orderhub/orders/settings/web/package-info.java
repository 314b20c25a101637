/** {@code GET /api/v1/settings}: what the calling key's channel may do (the plugin's Test Connection). */
package io.orderhub.orders.settings.web;
