/** API keys: who is calling, for which channel, with which scopes. */
package io.orderhub.httpapi.apikey;
