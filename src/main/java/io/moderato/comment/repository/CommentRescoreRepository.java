package io.moderato.comment.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

/** Re-scorings of comments. */
@ApplicationScoped
public class CommentRescoreRepository implements PanacheRepository<CommentRescoreEntity> {

    /**
     * @param commentId a comment's database id
     * @return its re-scorings, oldest first
     */
    public List<CommentRescoreEntity> history(long commentId) {
        return list("commentId = ?1 order by id", commentId);
    }
}
