/** Storage of audit entries. */
package io.moderato.audit.repository;
