/** Loading (and, on a fresh data directory, training) the model bundle at start-up. */
package io.moderato.models.service;
