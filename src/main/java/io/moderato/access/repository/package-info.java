/** Storage of API keys, the dashboard's sessions and the keys' shared rate-limit buckets. */
package io.moderato.access.repository;
