/** {@code /api/v1/stats}: dashboard figures for one site and period. */
package io.moderato.stats.rest;
