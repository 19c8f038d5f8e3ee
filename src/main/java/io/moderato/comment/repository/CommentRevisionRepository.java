package io.moderato.comment.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

/** Revisions of comments. */
@ApplicationScoped
public class CommentRevisionRepository implements PanacheRepository<CommentRevisionEntity> {

    /**
     * @param commentId a comment's database id
     * @return its revisions, oldest first
     */
    public List<CommentRevisionEntity> history(long commentId) {
        return list("commentId = ?1 order by revision", commentId);
    }
}
