/** {@code /api/v1/audit}: reading the audit log. */
package io.moderato.audit.rest;
