/**
 * JMH throughput benchmarks (run with {@code mvn test-compile exec:exec@benchmark}) and the load benchmark of
 * {@code comments:analyze} ({@code exec:java@analyze-load}); see the README. They are not
 * tests: surefire does not run them.
 */
package io.moderato.benchmark;
