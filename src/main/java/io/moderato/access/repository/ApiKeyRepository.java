package io.moderato.access.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Optional;

/** API keys by prefix. */
@ApplicationScoped
public class ApiKeyRepository implements PanacheRepository<ApiKeyEntity> {

    /**
     * @param prefix a key's public prefix
     * @return the key with that prefix
     */
    public Optional<ApiKeyEntity> findByPrefix(String prefix) {
        return find("prefix", prefix).firstResultOptional();
    }

    /** @return all keys, newest first */
    public List<ApiKeyEntity> listNewestFirst() {
        return list("order by createdAt desc, id desc");
    }
}
