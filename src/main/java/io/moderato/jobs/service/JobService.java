package io.moderato.jobs.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.moderato.jobs.JobCancelledException;
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
 * stopped beating (killed, crashed) is marked FAILED by whichever instance notices first, at start or later.
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
    private final Map<JobType, ExecutorService> workers = new EnumMap<>(JobType.class);

    public JobService(JobRepository jobs, EntityManager entityManager, ObjectMapper json, JobsConfig config) {
        this.jobs = jobs;
        this.entityManager = entityManager;
        this.json = json;
        this.config = config;
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
        failSilent(now());
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

    /** Beats for this instance's jobs and fails other instances' silent ones. */
    @Scheduled(every = "5s", delayed = "5s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void heartbeat() {
        Instant now = now();
        QuarkusTransaction.requiringNew().run(() -> jobs.beat(instance, now));
        failSilent(now);
    }

    /**
     * Marks FAILED every queued or running job whose instance has not beaten for the configured time.
     *
     * @param now the time
     * @return how many jobs were failed
     */
    public int failSilent(Instant now) {
        Instant before = now.minus(config.staleAfter());
        return QuarkusTransaction.requiringNew().call(() -> {
            List<JobEntity> silent = jobs.silentSince(before);
            for (JobEntity job : silent) {
                LOG.warnf("job %s (%s) has had no heartbeat from instance %s since %s: marked FAILED", job.id, job.type,
                        job.ownerInstance, job.heartbeatAt);
                finish(job, JobStatus.FAILED, Map.of("error", "its instance (" + job.ownerInstance
                        + ") stopped while it ran; nothing it was writing was kept"));
            }
            return silent.size();
        });
    }

    private void run(String jobId, Work work) {
        Instant started = now();
        boolean begun = QuarkusTransaction.requiringNew().call(() -> {
            JobEntity job = jobs.findById(jobId);
            if (job == null || job.status != JobStatus.QUEUED) {
                return false;
            }
            job.status = JobStatus.RUNNING;
            job.phase = "started";
            job.heartbeatAt = started;
            return true;
        });
        if (!begun) {
            return;
        }
        Context context = new Context(jobId, started);
        try {
            context.checkCancelled();
            Object result = work.run(context);
            complete(jobId, JobStatus.SUCCEEDED, result);
        } catch (JobCancelledException e) {
            complete(jobId, JobStatus.CANCELLED, Map.of("reason", "cancelled while it ran; nothing it did was kept"));
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
        QuarkusTransaction.requiringNew().run(() -> finish(jobs.findById(jobId), status, result));
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
        private Instant lastReport = Instant.EPOCH;
        private volatile boolean cancelled;

        Context(String jobId, Instant started) {
            this.jobId = jobId;
            this.started = started;
        }

        @Override
        public String jobId() {
            return jobId;
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
