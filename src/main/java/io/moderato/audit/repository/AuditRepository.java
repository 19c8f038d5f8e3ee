package io.moderato.audit.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;

/** Audit entries; insert and read only. */
@ApplicationScoped
public class AuditRepository implements PanacheRepository<AuditEntryEntity> {
}
