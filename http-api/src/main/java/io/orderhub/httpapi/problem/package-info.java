/** RFC 9457 problem responses with the old hub's {@code success}/{@code error} members, for every error. */
package io.orderhub.httpapi.problem;
