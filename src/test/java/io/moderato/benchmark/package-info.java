/**
 * JMH throughput benchmarks; run with {@code mvn test-compile exec:exec@benchmark} (see the README). They are not
 * tests: surefire does not run them.
 */
package io.moderato.benchmark;
