/** {@code /api/v1/coral/moderate}, Coral's External Moderation Phase endpoint, authenticated by Coral's signature. */
package io.moderato.coral.rest;
