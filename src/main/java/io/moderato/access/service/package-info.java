/** Creating, checking and revoking API keys, and rate-limiting their use. */
package io.moderato.access.service;
