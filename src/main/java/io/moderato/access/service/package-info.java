/**
 * Creating, checking and revoking API keys; the identity providers that turn a key or a dashboard session into a
 * security identity; rate-limiting keys; the dashboard's sessions and sign-in throttling.
 */
package io.moderato.access.service;
