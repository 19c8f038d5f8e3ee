/**
 * Training inside the running service: the first bundle of a fresh data directory, trained in the background while
 * the service already answers (readiness DOWN with the progress, classification 503 with Retry-After).
 */
package io.moderato.training.service;
