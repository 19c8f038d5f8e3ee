/**
 * Long-running work (label imports, trainings) as jobs: a database row every replica can see, with progress, phase,
 * an estimated time left, a heartbeat, a result and cooperative cancellation.
 */
package io.moderato.jobs;
