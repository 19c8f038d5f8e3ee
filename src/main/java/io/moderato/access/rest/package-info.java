/** The authentication filter and {@code /api/v1/admin/keys}. */
package io.moderato.access.rest;
