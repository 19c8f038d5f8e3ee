package io.moderato.training.service;

import io.moderato.classification.Attribute;
import io.moderato.classification.ModelBundle;
import io.moderato.classification.service.ClassificationService;
import io.moderato.classification.service.EncoderService;
import io.moderato.jobs.JobType;
import io.moderato.jobs.service.JobContext;
import io.moderato.jobs.service.JobService;
import io.moderato.labels.SiteLabel;
import io.moderato.labels.service.LabelService;
import io.moderato.models.config.ModelsConfig;
import io.moderato.policy.SitePolicy;
import io.moderato.policy.service.PolicyService;
import io.moderato.problem.ProblemException;
import io.moderato.training.TrainingPipeline;
import io.moderato.training.TrainingSettings;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Trainings as jobs: the shared bundle from the corpus, or a site's own bundle from the corpus and the site's
 * labels. A trained bundle is never made live by the job: an admin promotes it after reading the gate's report.
 */
@ApplicationScoped
public class TrainingJobs {

    private final JobService jobs;
    private final LabelService labels;
    private final ClassificationService classification;
    private final EncoderService encoder;
    private final PolicyService policies;
    private final ModelsConfig config;

    public TrainingJobs(JobService jobs, LabelService labels, ClassificationService classification,
                        EncoderService encoder, PolicyService policies, ModelsConfig config) {
        this.jobs = jobs;
        this.labels = labels;
        this.classification = classification;
        this.encoder = encoder;
        this.policies = policies;
        this.config = config;
    }

    /**
     * What to train.
     *
     * @param siteId          the site, or null for the shared bundle
     * @param baseCorpus      whether the corpus joins the site's labels (always for the shared bundle)
     * @param reviewRecall    review target of the threshold suggestions
     * @param rejectPrecision reject target of the threshold suggestions
     */
    public record Request(String siteId, boolean baseCorpus, double reviewRecall, double rejectPrecision) {
    }

    /**
     * Starts a training job on this instance.
     *
     * @param request what to train
     * @param actor   who asked
     * @return the job's id
     * @throws ProblemException 409 when a training is already queued or running, or no shared bundle is live yet
     */
    public String start(Request request, String actor) {
        if (classification.liveBundle().isEmpty()) {
            throw ProblemException.conflict("no shared model bundle is live yet; wait for the first training");
        }
        String jobId = jobs.create(JobType.TRAINING, request.siteId(), actor);
        jobs.start(jobId, context -> {
            try {
                return train(request, context);
            } finally {
                // Once train has returned, nothing of the training is reachable (inside it, the trained bundle was
                // still in its frame).
                TrainingMemory.release();
            }
        });
        return jobId;
    }

    private Map<String, Object> train(Request request, JobContext context) throws Exception {
        TrainingSettings settings = config.training().epochs().map(TrainingSettings.DEFAULT::withEpochs)
                .orElse(TrainingSettings.DEFAULT);
        TrainingPipeline.Site site = null;
        if (request.siteId() != null) {
            context.report("reading the site's labels", 0.0);
            List<SiteLabel> siteLabels = labels.all(request.siteId());
            if (siteLabels.isEmpty()) {
                throw new IllegalStateException("site " + request.siteId() + " has no labels yet: import its "
                        + "labelled history or let its moderators decide some comments first");
            }
            ModelBundle shared = classification.liveBundle().orElseThrow();
            SitePolicy policy = policies.get(request.siteId()).policy();
            Map<Attribute, Double> thresholds = new EnumMap<>(Attribute.class);
            for (Attribute attribute : Attribute.values()) {
                SitePolicy.Thresholds t = policy.thresholds() == null ? null : policy.thresholds().get(attribute.key());
                if (t != null && t.review() != null) {
                    thresholds.put(attribute, t.review());
                }
            }
            site = new TrainingPipeline.Site(request.siteId(), siteLabels, config.training().siteLabelWeight(), shared,
                    classification.liveBundle(request.siteId()).orElse(shared), thresholds, request.reviewRecall(),
                    request.rejectPrecision());
        }
        TrainingPipeline.Result result = new TrainingPipeline(settings).run(
                request.baseCorpus() || site == null ? config.training().corpusDir() : null,
                config.training().corpusStride(), config.dataDir(), encoder.encoder().orElse(null), site,
                (phase, fraction) -> {
                    // Past this point the bundle is being written: it is finished whole rather than half-cancelled.
                    if (fraction < 0.98) {
                        context.report(phase, fraction);
                    }
                });
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("modelVersion", result.bundle().version());
        answer.put("siteId", request.siteId());
        answer.put("heldOut", result.bundle().manifest().heldOut());
        if (result.gate() != null) {
            answer.put("gate", result.gate().report());
        }
        return answer;
    }
}
