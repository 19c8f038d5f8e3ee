package io.moderato.jobs.repository;

import io.moderato.jobs.JobStatus;
import io.moderato.jobs.JobType;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.List;

/** Jobs. */
@ApplicationScoped
public class JobRepository implements PanacheRepositoryBase<JobEntity, String> {

    private static final List<JobStatus> ACTIVE = List.of(JobStatus.QUEUED, JobStatus.RUNNING);

    /**
     * @param type a job type
     * @return its queued or running jobs
     */
    public List<JobEntity> active(JobType type) {
        return list("type = ?1 and status in ?2", type, ACTIVE);
    }

    /**
     * @param before a time
     * @return queued or running jobs whose instance last beat before it
     */
    public List<JobEntity> silentSince(Instant before) {
        return list("status in ?1 and heartbeatAt < ?2", ACTIVE, before);
    }

    /**
     * @param instance an instance
     * @return its queued or running jobs
     */
    public List<JobEntity> activeOf(String instance) {
        return list("ownerInstance = ?1 and status in ?2", instance, ACTIVE);
    }

    /**
     * Takes a job over from a silent instance, unless another instance already did: the update only matches while
     * the job still has the owner and heartbeat it was seen with.
     *
     * @param id            the job
     * @param formerOwner   the instance that stopped beating
     * @param lastHeartbeat its last heartbeat, as seen
     * @param instance      the instance taking it over
     * @param phase         the phase to show
     * @param now           the time
     * @return true when this instance now owns the job, QUEUED
     */
    public boolean takeOver(String id, String formerOwner, Instant lastHeartbeat, String instance, String phase,
                            Instant now) {
        return update("ownerInstance = ?1, status = ?2, heartbeatAt = ?3, phase = ?4 where id = ?5 and ownerInstance = ?6"
                        + " and heartbeatAt = ?7 and status in ?8", instance, JobStatus.QUEUED, now, phase, id, formerOwner,
                lastHeartbeat, ACTIVE) == 1;
    }

    /**
     * @param limit how many
     * @return the newest jobs, newest first
     */
    public List<JobEntity> newest(int limit) {
        return find("order by createdAt desc, id desc").page(0, limit).list();
    }

    /**
     * Tells every active job of an instance that it is still alive.
     *
     * @param instance the instance
     * @param now      the time
     * @return how many jobs beat
     */
    public int beat(String instance, Instant now) {
        return update("heartbeatAt = ?1 where ownerInstance = ?2 and status in ?3", now, instance, ACTIVE);
    }
}
