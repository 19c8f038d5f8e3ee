package io.moderato.comment.rest;

import io.moderato.access.CurrentCaller;
import io.moderato.access.Roles;
import io.moderato.comment.CommentView;
import io.moderato.comment.repository.CommentEntity;
import io.moderato.comment.repository.CommentRepository;
import io.moderato.comment.service.CommentService;
import io.moderato.policy.SiteIds;
import io.moderato.policy.repository.SitePolicyRepository;
import io.moderato.problem.RequestChecks;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/** What a moderator needs to judge a comment in context: the author's history, the article's thread, the sites. */
@Path("/api/v1")
@Tag(name = "Comments")
@RolesAllowed(Roles.MODERATOR)
@Produces(MediaType.APPLICATION_JSON)
public class ContextResource {

    private static final int MAX_THREAD = 2000;

    private final CommentRepository comments;
    private final CommentService views;
    private final SitePolicyRepository policies;
    private final CurrentCaller caller;

    public ContextResource(CommentRepository comments, CommentService views, SitePolicyRepository policies,
                           CurrentCaller caller) {
        this.comments = comments;
        this.views = views;
        this.policies = policies;
        this.caller = caller;
    }

    /**
     * An author's record on a site.
     *
     * @param authorId    the site's author id
     * @param displayName the latest name they used
     * @param counts      their comments by status
     * @param recent      their latest comments, newest first
     */
    public record AuthorView(String authorId, String displayName, Map<String, Long> counts, List<CommentView> recent) {
    }

    /**
     * An article's thread.
     *
     * @param articleId the site's article id
     * @param title     its headline
     * @param url       its address
     * @param comments  its comments in the order they were written (replies carry parentId)
     */
    public record ThreadView(String articleId, String title, String url, List<CommentView> comments) {
    }

    @GET
    @Path("/authors/{siteId}/{authorId}")
    @Transactional
    @Operation(summary = "An author's recent comments and decisions")
    public AuthorView author(@PathParam("siteId") String siteId, @PathParam("authorId") String authorId,
                             @QueryParam("limit") String limit) {
        SiteIds.check(siteId);
        caller.checkSite(siteId);
        RequestChecks checks = new RequestChecks();
        int size = checks.optionalInt(limit, "limit", 1, 200, 20);
        checks.throwIfInvalid();
        List<CommentEntity> recent = comments.latestByAuthor(siteId, authorId, size);
        Map<String, Long> counts = new java.util.LinkedHashMap<>();
        comments.countsByStatus(siteId, authorId).forEach((status, count) -> counts.put(status.name(), count));
        return new AuthorView(authorId, recent.isEmpty() ? null : recent.get(0).authorName, counts,
                recent.stream().map(c -> views.view(c, false)).toList());
    }

    @GET
    @Path("/articles/{siteId}/{articleId}/comments")
    @Transactional
    @Operation(summary = "An article's whole thread, with each comment's state")
    public ThreadView thread(@PathParam("siteId") String siteId, @PathParam("articleId") String articleId) {
        SiteIds.check(siteId);
        caller.checkSite(siteId);
        List<CommentEntity> thread = comments.thread(siteId, articleId, MAX_THREAD);
        CommentEntity first = thread.isEmpty() ? null : thread.get(0);
        return new ThreadView(articleId, first == null ? null : first.articleTitle, first == null ? null : first.articleUrl,
                thread.stream().map(c -> views.view(c, false)).toList());
    }

    @GET
    @Path("/sites")
    @Transactional
    @Operation(summary = "Sites with comments or a policy", description = "For a key limited to some sites, only those.")
    public List<String> sites() {
        TreeSet<String> sites = new TreeSet<>(comments.siteIds());
        policies.findAll().stream().forEach(p -> sites.add(p.siteId));
        // A key limited to some sites sees those only (the dashboard's site list comes from here).
        sites.removeIf(site -> !caller.get().maySee(site));
        return List.copyOf(sites);
    }
}
