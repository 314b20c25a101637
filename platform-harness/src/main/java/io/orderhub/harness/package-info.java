/**
 * The platform driven from outside under faults: {@link io.orderhub.harness.FullPlatform}, the shop's and
 * providers' {@link io.orderhub.harness.MixedLoad}, the faults of a {@link io.orderhub.harness.FaultRun} and the
 * {@link io.orderhub.harness.Audit}.
 *
 * <p>A module of its own because two modules run it: system-tests' FaultsIT (the CI profile) and bench's
 * FaultBench (the full profile with every fault of issue 15). It cannot live in local-platform, which
 * test-support's clients build on, nor in bench, whose Spring Boot and jOOQ class path the system tests do
 * not need; test code of system-tests cannot be a dependency of bench's main code.
 */
package io.orderhub.harness;
