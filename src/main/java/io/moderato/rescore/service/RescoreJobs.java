package io.moderato.rescore.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.moderato.classification.ArticleContext;
import io.moderato.classification.Classification;
import io.moderato.classification.ModelBundle;
import io.moderato.classification.service.ClassificationService;
import io.moderato.comment.repository.CommentRepository;
import io.moderato.comment.repository.CommentRepository.RescoreItem;
import io.moderato.comment.service.CommentRescoring;
import io.moderato.jobs.JobType;
import io.moderato.jobs.service.JobContext;
import io.moderato.jobs.service.JobService;
import io.moderato.jobs.service.ResumableWork;
import io.moderato.problem.ProblemException;
import io.moderato.rescore.config.RescoreConfig;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Re-scoring as a resumable job. It pages through the comments received in the period, in keyset order (site, time
 * received, id); for each page it scores the comments that the live bundle of their site has not scored yet (each
 * site's own bundle, else the shared one), stores the new scores and re-applies the site's policy
 * ({@link CommentRescoring}), and commits all that with the job's checkpoint (the page's last position and the
 * running counts) in one transaction. Killed mid-page, the page's work rolls back; the replica that takes the job
 * over (see {@link JobService}) reads the checkpoint and goes on from the page after it.
 */
@ApplicationScoped
public class RescoreJobs implements ResumableWork {

    private final JobService jobs;
    private final CommentRepository comments;
    private final CommentRescoring rescoring;
    private final ClassificationService classification;
    private final RescoreConfig config;
    private final ObjectMapper json;

    public RescoreJobs(JobService jobs, CommentRepository comments, CommentRescoring rescoring,
                       ClassificationService classification, RescoreConfig config, ObjectMapper json) {
        this.jobs = jobs;
        this.comments = comments;
        this.rescoring = rescoring;
        this.classification = classification;
        this.config = config;
        this.json = json;
    }

    /**
     * What to re-score.
     *
     * @param siteId the site, or null for every site
     * @param from   comments received at or after this
     * @param to     comments received before this
     */
    public record Request(String siteId, Instant from, Instant to) {
    }

    /**
     * Where a job is: the keyset position of the last comment of its last committed page, and its counts.
     *
     * @param siteId                 the last page's last comment's site (null before the first page)
     * @param receivedAt             its time received
     * @param id                     its database id
     * @param total                  comments in the period when the job started
     * @param scanned                comments read so far
     * @param alreadyCurrent         of those, already scored by their site's live bundle: left as they were
     * @param rescored               scored anew, status unchanged
     * @param statusChanged          scored anew, and the policy gave another status
     * @param moderatorDecisionsKept scored anew; a moderator's decision stands
     * @param skippedChanged         edited or deleted while the page was scored: left alone
     * @param modelVersions          the bundles that re-scored comments, with how many each
     */
    public record Checkpoint(String siteId, Instant receivedAt, long id, long total, long scanned, long alreadyCurrent,
                             long rescored, long statusChanged, long moderatorDecisionsKept, long skippedChanged,
                             Map<String, Long> modelVersions) {
    }

    @Override
    public JobType type() {
        return JobType.RESCORE;
    }

    /**
     * Starts a re-scoring job on this instance.
     *
     * @param request what to re-score
     * @param actor   who asked
     * @return the job's id
     * @throws ProblemException 409 when no shared bundle is live yet
     */
    public String start(Request request, String actor) {
        if (classification.liveBundle().isEmpty()) {
            throw ProblemException.conflict("no shared model bundle is live yet; wait for the first training");
        }
        String jobId = jobs.create(JobType.RESCORE, request.siteId(), actor, write(request));
        jobs.start(jobId, this);
        return jobId;
    }

    @Override
    public Object run(JobContext context) throws Exception {
        Request request = json.readValue(context.request(), Request.class);
        String actor = jobs.find(context.jobId()).orElseThrow().createdBy;
        Checkpoint at = context.checkpoint().isPresent()
                ? json.readValue(context.checkpoint().get(), Checkpoint.class)
                : new Checkpoint(null, null, 0, QuarkusTransaction.requiringNew().call(() ->
                comments.countReceived(request.siteId(), request.from(), request.to())), 0, 0, 0, 0, 0, 0, Map.of());
        context.report(progressText(at), fraction(at));
        while (true) {
            Checkpoint from = at;
            List<RescoreItem> page = QuarkusTransaction.requiringNew().call(() -> comments.rescorePage(request.siteId(),
                    request.from(), request.to(), from.siteId(), from.receivedAt(), from.id(), config.pageSize()));
            if (page.isEmpty()) {
                break;
            }
            context.checkCancelled();
            List<CommentRescoring.Rescored> scored = new ArrayList<>();
            long current = 0;
            Map<String, Long> versions = new LinkedHashMap<>(at.modelVersions());
            for (List<RescoreItem> site : bySite(page)) {
                String siteId = site.get(0).siteId();
                Optional<String> live = classification.liveBundle(siteId).map(ModelBundle::version);
                List<RescoreItem> stale = site.stream()
                        .filter(item -> live.isEmpty() || !live.get().equals(item.modelVersion())).toList();
                current += site.size() - stale.size();
                if (stale.isEmpty()) {
                    continue;
                }
                List<Classification> results = classification.classifyAll(stale, RescoreItem::text,
                        item -> item.articleTitle() == null ? null : new ArticleContext(item.articleTitle(), null),
                        null, true, siteId);
                for (int i = 0; i < stale.size(); i++) {
                    scored.add(new CommentRescoring.Rescored(stale.get(i).id(), stale.get(i).revision(), results.get(i)));
                    versions.merge(results.get(i).modelVersion(), 1L, Long::sum);
                }
            }
            RescoreItem last = page.get(page.size() - 1);
            long alreadyCurrent = current;
            Checkpoint before = at;
            at = QuarkusTransaction.requiringNew().call(() -> {
                Map<Long, CommentRescoring.Outcome> outcomes = rescoring.apply(scored, context.jobId(), actor);
                Checkpoint next = new Checkpoint(last.siteId(), last.receivedAt(), last.id(), before.total(),
                        before.scanned() + page.size(), before.alreadyCurrent() + alreadyCurrent,
                        before.rescored() + count(outcomes, CommentRescoring.Outcome.RESCORED),
                        before.statusChanged() + count(outcomes, CommentRescoring.Outcome.STATUS_CHANGED),
                        before.moderatorDecisionsKept() + count(outcomes, CommentRescoring.Outcome.MODERATOR_DECISION_KEPT),
                        before.skippedChanged() + count(outcomes, CommentRescoring.Outcome.SKIPPED_CHANGED), versions);
                context.saveCheckpoint(write(next));
                return next;
            });
            context.report(progressText(at), fraction(at));
            if (page.size() < config.pageSize()) {
                break;
            }
        }
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("siteId", request.siteId());
        result.put("from", request.from());
        result.put("to", request.to());
        result.put("scanned", at.scanned());
        result.put("alreadyCurrent", at.alreadyCurrent());
        result.put("rescored", at.rescored());
        result.put("statusChanged", at.statusChanged());
        result.put("moderatorDecisionsKept", at.moderatorDecisionsKept());
        result.put("skippedChanged", at.skippedChanged());
        result.put("modelVersions", at.modelVersions());
        return result;
    }

    private static List<List<RescoreItem>> bySite(List<RescoreItem> page) {
        List<List<RescoreItem>> groups = new ArrayList<>();
        for (RescoreItem item : page) {
            if (groups.isEmpty() || !groups.get(groups.size() - 1).get(0).siteId().equals(item.siteId())) {
                groups.add(new ArrayList<>());
            }
            groups.get(groups.size() - 1).add(item);
        }
        return groups;
    }

    private static long count(Map<Long, CommentRescoring.Outcome> outcomes, CommentRescoring.Outcome outcome) {
        return outcomes.values().stream().filter(outcome::equals).count();
    }

    private static double fraction(Checkpoint at) {
        return at.total() == 0 ? 0 : Math.min(0.99, (double) at.scanned() / at.total());
    }

    private static String progressText(Checkpoint at) {
        return "re-scoring: " + at.scanned() + " of " + at.total() + " comments read, "
                + (at.rescored() + at.statusChanged() + at.moderatorDecisionsKept()) + " scored anew, "
                + at.statusChanged() + " with a new status";
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
