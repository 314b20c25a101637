/** The build step that keeps every schema change BACKWARD compatible with the released versions. */
package io.orderhub.schemas.compat;
