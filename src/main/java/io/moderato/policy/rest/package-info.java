/** {@code /api/v1/admin/sites/{siteId}/policy}: reading and replacing a site's policy. */
package io.moderato.policy.rest;
