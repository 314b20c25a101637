/** Schema registry clients: the Confluent REST protocol and the in-process {@code mock://} registry. */
package io.orderhub.schemas.registry;
