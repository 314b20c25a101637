/** The login page. */
package io.orderhub.console.login.web;
