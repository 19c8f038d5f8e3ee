/** {@code /api/v1/admin/webhooks}: managing webhook endpoints, rotating their secrets, reading delivery logs. */
package io.moderato.webhook.rest;
