/** Storage of site policies (as JSON). */
package io.moderato.policy.repository;
