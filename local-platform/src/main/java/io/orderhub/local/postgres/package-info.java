/** A real PostgreSQL server from zonky's embedded binaries, with its data kept between local runs. */
package io.orderhub.local.postgres;
