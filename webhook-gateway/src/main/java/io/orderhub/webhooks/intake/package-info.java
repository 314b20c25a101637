/** What every provider's webhook goes through: rejections, metrics, and publishing onto Kafka. */
package io.orderhub.webhooks.intake;
