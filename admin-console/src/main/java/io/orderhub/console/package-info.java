/** The operators' console: pages over the services' REST APIs at /admin, behind a login; owns no data. */
package io.orderhub.console;
