/**
 * Benchmarks of the HeyMilo SDK: JMH benchmarks ({@link ai.heymilo.benchmarks.CallOverheadBenchmark},
 * {@link ai.heymilo.benchmarks.DecodeBenchmark}) and plain harnesses for what is not steady-state throughput
 * ({@link ai.heymilo.benchmarks.AsyncWaitHarness}, {@link ai.heymilo.benchmarks.RateLimitHarness},
 * {@link ai.heymilo.benchmarks.ColdStartHarness}). {@code benchmarks/run.sh} runs them all and
 * {@link ai.heymilo.benchmarks.ReportWriter} turns the results into {@code docs/benchmarks.md}.
 */
@NullMarked
package ai.heymilo.benchmarks;

import org.jspecify.annotations.NullMarked;
