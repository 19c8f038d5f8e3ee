/**
 * The service's own rules for its Prometheus metrics: labels whose values stay a bounded set whatever clients send.
 */
package io.moderato.metrics;
