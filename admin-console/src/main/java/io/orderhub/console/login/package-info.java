/** Who may use the console: the ADMIN_USERS list, form login, viewers read and operators act. */
package io.orderhub.console.login;
