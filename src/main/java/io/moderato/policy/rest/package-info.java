/** {@code /api/v1/admin/sites/{siteId}/policy}: reading, replacing (PUT) and patching (PATCH, JSON Merge Patch) a site's policy, guarded by its version. */
package io.moderato.policy.rest;
