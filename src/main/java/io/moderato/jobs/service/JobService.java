package io.moderato.jobs.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.moderato.jobs.JobCancelledException;
import io.moderato.jobs.JobLostException;
import io.moderato.jobs.JobStatus;
import io.moderato.jobs.JobType;
import io.moderato.jobs.config.JobsConfig;
import io.moderato.jobs.repository.JobEntity;
import io.moderato.jobs.repository.JobRepository;
import io.moderato.problem.ProblemException;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.persistence.EntityManager;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Runs jobs on this instance and keeps their rows current: one worker thread per job type (so an instance trains one
 * bundle at a time), progress with an estimated time left, a heartbeat every five seconds, and cooperative
 * cancellation (the work checks the flag whenever it reports progress). Starting a training takes a row lock first,
 * so two replicas sharing the database never run two trainings at once. A queued or running job whose instance
 * stopped beating (killed, crashed) is marked FAILED by whichever instance notices first, at start or later; unless
 * its type is resumable ({@link JobType#resumable()}): that instance then takes the job over and runs its
 * {@link ResumableWork} again, which goes on from the job's last committed checkpoint.
 */
@ApplicationScoped
public class JobService {

    private static final Logger LOG = Logger.getLogger(JobService.class);
    private static final Duration REPORT_INTERVAL = Duration.ofSeconds(1);

    /** A job's work. */
    @FunctionalInterface
    public interface Work {

        /**
         * @param context where to report progress
         * @return the job's result (serialised as JSON)
         * @throws Exception any failure: the job is then FAILED with its message
         */
        Object run(JobContext context) throws Exception;
    }

    private final JobRepository jobs;
    private final EntityManager entityManager;
    private final ObjectMapper json;
    private final JobsConfig config;
    private final String instance;
    private final Instance<ResumableWork> resumables;
    private final Map<JobType, ExecutorService> workers = new EnumMap<>(JobType.class);

    public JobService(JobRepository jobs, EntityManager entityManager, ObjectMapper json, JobsConfig config,
                      Instance<ResumableWork> resumables) {
        this.jobs = jobs;
        this.entityManager = entityManager;
        this.json = json;
        this.config = config;
        this.resumables = resumables;
        this.instance = config.instanceId().orElse(UUID.randomUUID().toString().substring(0, 8));
        for (JobType type : JobType.values()) {
            workers.put(type, Executors.newSingleThreadExecutor(runnable -> {
                Thread thread = new Thread(runnable, "moderato-job-" + type.name().toLowerCase());
                thread.setDaemon(true);
                return thread;
            }));
        }
    }

    void onStart(@Observes StartupEvent event) {
        // Jobs still active under this instance's own (configured) name were left by its previous run.
        List<JobEntity> orphans = QuarkusTransaction.requiringNew().call(() -> detached(jobs.activeOf(instance)));
        recover(orphans, "this instance's previous run");
        failSilent(now());
    }

    /** @return this instance's name in the job rows */
    public String instance() {
        return instance;
    }

    void onStop(@Observes ShutdownEvent event) {
        workers.values().forEach(ExecutorService::shutdownNow);
    }

    /**
     * Records a new job, QUEUED and owned by this instance.
     *
     * @param type   what it does
     * @param siteId the site it is for, or null
     * @param actor  who asked for it
     * @return the job's id
     * @throws ProblemException 409 when it is a training and one is already queued or running on any instance
     */
    public String create(JobType type, String siteId, String actor) {
        return create(type, siteId, actor, null);
    }

    /**
     * Records a new job, QUEUED and owned by this instance, with what it is asked to do.
     *
     * @param type    what it does
     * @param siteId  the site it is for, or null
     * @param actor   who asked for it
     * @param request its parameters (JSON), read by its work through {@link JobContext#request()}; may be null
     * @return the job's id
     * @throws ProblemException 409 when it is a training and one is already queued or running on any instance
     */
    public String create(JobType type, String siteId, String actor, String request) {
        return QuarkusTransaction.requiringNew().call(() -> {
            if (type == JobType.TRAINING) {
                entityManager.createNativeQuery("SELECT type FROM job_lock WHERE type = 'TRAINING' FOR UPDATE")
                        .getResultList();
                List<JobEntity> running = jobs.active(JobType.TRAINING);
                if (!running.isEmpty()) {
                    throw ProblemException.conflict("a training is already " + running.get(0).status.name()
                            .toLowerCase() + " (job " + running.get(0).id + "); wait for it or cancel it");
                }
            }
            JobEntity job = new JobEntity();
            job.id = UUID.randomUUID().toString();
            job.type = type;
            job.siteId = siteId;
            job.status = JobStatus.QUEUED;
            job.phase = "queued";
            job.ownerInstance = instance;
            job.heartbeatAt = now();
            job.createdBy = actor;
            job.createdAt = job.heartbeatAt;
            job.request = request;
            jobs.persist(job);
            return job.id;
        });
    }

    /**
     * Runs a job's work on this instance's worker for its type, after any job of that type before it.
     *
     * @param jobId a job created by {@link #create}
     * @param work  what to do
     */
    public void start(String jobId, Work work) {
        JobType type = QuarkusTransaction.requiringNew().call(() -> jobs.findById(jobId).type);
        workers.get(type).execute(() -> run(jobId, work));
    }

    /**
     * @param jobId a job id
     * @return the job, if there is one
     */
    public Optional<JobEntity> find(String jobId) {
        return QuarkusTransaction.requiringNew().call(() -> jobs.findByIdOptional(jobId).map(job -> {
            entityManager.detach(job);
            return job;
        }));
    }

    /**
     * @param limit how many
     * @return the newest jobs, newest first
     */
    public List<JobEntity> newest(int limit) {
        return QuarkusTransaction.requiringNew().call(() -> jobs.newest(limit));
    }

    /**
     * Asks a job to stop. A queued job is cancelled at once; a running one stops at its next progress report.
     *
     * @param jobId a job id
     * @return the job after the request
     * @throws ProblemException 404 for an unknown job, 409 for a finished one
     */
    public JobEntity cancel(String jobId) {
        return QuarkusTransaction.requiringNew().call(() -> {
            JobEntity job = jobs.findByIdOptional(jobId)
                    .orElseThrow(() -> ProblemException.notFound("no job " + jobId));
            if (job.status.finished()) {
                throw ProblemException.conflict("job " + jobId + " is already " + job.status);
            }
            job.cancelRequested = true;
            if (job.status == JobStatus.QUEUED) {
                finish(job, JobStatus.CANCELLED, Map.of("reason", "cancelled before it started"));
            }
            return job;
        });
    }

    /**
     * Beats for this instance's jobs and fails other instances' silent ones. Skipped while the service starts or stops:
     * a stop can take seconds (Kafka's consumers close), and the database is closed before the scheduler.
     */
    @Scheduled(every = "5s", delayed = "5s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void heartbeat() {
        Instant now = now();
        QuarkusTransaction.requiringNew().run(() -> jobs.beat(instance, now));
        failSilent(now);
    }

    /**
     * Handles every queued or running job whose instance has not beaten for the configured time: a resumable one is
     * taken over by this instance and resumed from its checkpoint; any other is marked FAILED.
     *
     * @param now the time
     * @return how many jobs were failed or taken over
     */
    public int failSilent(Instant now) {
        Instant before = now.minus(config.staleAfter());
        List<JobEntity> silent = QuarkusTransaction.requiringNew().call(() -> detached(jobs.silentSince(before)));
        return recover(silent, null);
    }

    private List<JobEntity> detached(List<JobEntity> list) {
        list.forEach(entityManager::detach);
        return list;
    }

    private int recover(List<JobEntity> stopped, String why) {
        int handled = 0;
        for (JobEntity job : stopped) {
            String stoppedBy = why != null ? why : "instance " + job.ownerInstance;
            Optional<ResumableWork> work = job.type.resumable() ? resumable(job.type) : Optional.empty();
            if (work.isPresent()) {
                String phase = "resuming from its checkpoint (taken over from " + stoppedBy + ")";
                boolean mine = QuarkusTransaction.requiringNew().call(() -> jobs.takeOver(job.id, job.ownerInstance,
                        job.heartbeatAt, instance, phase, now()));
                if (mine) {
                    LOG.warnf("job %s (%s) had no heartbeat from %s since %s: taken over by %s, resuming from its "
                            + "checkpoint", job.id, job.type, stoppedBy, job.heartbeatAt, instance);
                    workers.get(job.type).execute(() -> run(job.id, work.get()));
                    handled++;
                }
                continue;
            }
            boolean failed = QuarkusTransaction.requiringNew().call(() -> {
                JobEntity current = jobs.findById(job.id);
                if (current == null || current.status.finished() || !current.ownerInstance.equals(job.ownerInstance)
                        || !current.heartbeatAt.equals(job.heartbeatAt)) {
                    return false;
                }
                finish(current, JobStatus.FAILED, Map.of("error", "its instance (" + job.ownerInstance
                        + ") stopped while it ran; nothing it was writing was kept"));
                return true;
            });
            if (failed) {
                LOG.warnf("job %s (%s) has had no heartbeat from %s since %s: marked FAILED", job.id, job.type,
                        stoppedBy, job.heartbeatAt);
                handled++;
            }
        }
        return handled;
    }

    private Optional<ResumableWork> resumable(JobType type) {
        return resumables.stream().filter(work -> work.type() == type).findFirst();
    }

    private void run(String jobId, Work work) {
        Instant started = now();
        JobEntity begun = QuarkusTransaction.requiringNew().call(() -> {
            JobEntity job = jobs.findById(jobId);
            if (job == null || job.status != JobStatus.QUEUED || !job.ownerInstance.equals(instance)) {
                return null;
            }
            job.status = JobStatus.RUNNING;
            if (job.checkpoint == null) {
                job.phase = "started";
            }
            job.heartbeatAt = started;
            entityManager.flush();
            entityManager.detach(job);
            return job;
        });
        if (begun == null) {
            return;
        }
        Context context = new Context(jobId, started, begun.request, begun.checkpoint);
        try {
            context.checkCancelled();
            Object result = work.run(context);
            complete(jobId, JobStatus.SUCCEEDED, result);
        } catch (JobCancelledException e) {
            if (begun.type.resumable()) {
                Map<String, Object> result = new java.util.LinkedHashMap<>();
                result.put("reason", "cancelled while it ran; the pages it had finished are kept");
                result.put("checkpoint", context.lastCheckpoint == null ? null : readTree(context.lastCheckpoint));
                complete(jobId, JobStatus.CANCELLED, result);
            } else {
                complete(jobId, JobStatus.CANCELLED, Map.of("reason", "cancelled while it ran; nothing it did was kept"));
            }
        } catch (JobLostException e) {
            LOG.warnf("job %s: %s; this instance stops it", jobId, e.getMessage());
        } catch (Exception | Error e) {
            if (e instanceof java.io.IOException || e instanceof IllegalArgumentException
                    || e instanceof IllegalStateException) {
                // What the job was given was wrong (a file without its columns, a site without labels): the
                // result says so; it is not the service's error.
                LOG.warnf("job %s failed: %s", jobId, e.getMessage());
            } else {
                LOG.errorf(e, "job %s failed", jobId);
            }
            complete(jobId, JobStatus.FAILED, Map.of("error", String.valueOf(e.getMessage())));
        }
    }

    private void complete(String jobId, JobStatus status, Object result) {
        QuarkusTransaction.requiringNew().run(() -> {
            JobEntity job = jobs.findById(jobId);
            if (job.ownerInstance.equals(instance)) {
                finish(job, status, result);
            } else {
                LOG.warnf("job %s was taken over by %s; this instance leaves its result to it", jobId, job.ownerInstance);
            }
        });
    }

    private com.fasterxml.jackson.databind.JsonNode readTree(String value) {
        try {
            return json.readTree(value);
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    private void finish(JobEntity job, JobStatus status, Object result) {
        job.status = status;
        if (status == JobStatus.SUCCEEDED) {
            job.progress = 1.0;
        }
        job.phase = status.name().toLowerCase();
        job.etaSeconds = null;
        job.finishedAt = now();
        try {
            job.result = json.writeValueAsString(result);
        } catch (JsonProcessingException e) {
            job.result = "{\"error\": \"result not serialisable\"}";
        }
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }

    private final class Context implements JobContext {

        private final String jobId;
        private final Instant started;
        private final String request;
        private volatile String lastCheckpoint;
        private Instant lastReport = Instant.EPOCH;
        private volatile boolean cancelled;

        Context(String jobId, Instant started, String request, String checkpoint) {
            this.jobId = jobId;
            this.started = started;
            this.request = request;
            this.lastCheckpoint = checkpoint;
        }

        @Override
        public String jobId() {
            return jobId;
        }

        @Override
        public String request() {
            return request;
        }

        @Override
        public Optional<String> checkpoint() {
            return Optional.ofNullable(lastCheckpoint);
        }

        @Override
        public void saveCheckpoint(String checkpoint) {
            int updated = entityManager.createQuery("update JobEntity j set j.checkpoint = :checkpoint "
                            + "where j.id = :id and j.ownerInstance = :instance and j.status = :running")
                    .setParameter("checkpoint", checkpoint).setParameter("id", jobId).setParameter("instance", instance)
                    .setParameter("running", JobStatus.RUNNING).executeUpdate();
            if (updated != 1) {
                throw new JobLostException(jobId);
            }
            lastCheckpoint = checkpoint;
        }

        @Override
        public synchronized void report(String phase, double fraction) {
            Instant now = now();
            if (Duration.between(lastReport, now).compareTo(REPORT_INTERVAL) >= 0 || fraction >= 1.0) {
                lastReport = now;
                double done = Math.max(0, Math.min(1, fraction));
                long elapsed = Duration.between(started, now).toSeconds();
                Long eta = done > 0.02 ? Math.round(elapsed * (1 - done) / done) : null;
                cancelled |= QuarkusTransaction.requiringNew().call(() -> {
                    JobEntity job = jobs.findById(jobId);
                    job.progress = done;
                    job.phase = phase.length() > 400 ? phase.substring(0, 400) : phase;
                    job.etaSeconds = eta;
                    return job.cancelRequested;
                });
            }
            if (cancelled) {
                throw new JobCancelledException(jobId);
            }
        }

        @Override
        public void checkCancelled() {
            cancelled |= QuarkusTransaction.requiringNew().call(() -> jobs.findById(jobId).cancelRequested);
            if (cancelled) {
                throw new JobCancelledException(jobId);
            }
        }
    }
}
