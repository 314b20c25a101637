/** The start-up check that refuses example, placeholder and too short secrets outside the local run. */
package io.orderhub.httpapi.secrets;
