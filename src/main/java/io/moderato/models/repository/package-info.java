/** Which bundle is live for each site, and the shared one. */
package io.moderato.models.repository;
