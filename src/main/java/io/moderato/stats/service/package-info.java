/** Aggregate queries behind the dashboard figures; portable to H2 and PostgreSQL. */
package io.moderato.stats.service;
