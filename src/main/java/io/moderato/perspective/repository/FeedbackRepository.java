package io.moderato.perspective.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

/** Score suggestions; insert and read only. */
@ApplicationScoped
public class FeedbackRepository implements PanacheRepository<FeedbackEntity> {

    /**
     * @param clientToken a client token
     * @return the suggestions sent with it, oldest first
     */
    public List<FeedbackEntity> findByClientToken(String clientToken) {
        return list("clientToken = ?1 order by id", clientToken);
    }
}
