/** Writing and reading the audit log. */
package io.moderato.audit.service;
