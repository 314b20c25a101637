/** Child JVMs: started with the current class path or an executable jar, logged to a file, stopped cleanly. */
package io.orderhub.local.process;
