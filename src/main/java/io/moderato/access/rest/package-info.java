/**
 * How requests authenticate (the Quarkus Security mechanism reading API keys and session cookies), how refusals are
 * answered, the OpenAPI security schemes, and {@code /api/v1/admin/keys}.
 */
package io.moderato.access.rest;
