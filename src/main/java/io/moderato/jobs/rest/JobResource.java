package io.moderato.jobs.rest;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.moderato.access.Roles;
import jakarta.annotation.security.RolesAllowed;
import io.moderato.jobs.service.JobService;
import io.moderato.problem.ProblemException;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

/** Imports, trainings and re-scorings in progress or done, on any instance sharing the database. */
@Path("/api/v1/admin/jobs")
@Tag(name = "Jobs")
@RolesAllowed(Roles.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
public class JobResource {

    private final JobService jobs;
    private final ObjectMapper json;

    public JobResource(JobService jobs, ObjectMapper json) {
        this.jobs = jobs;
        this.json = json;
    }

    @GET
    @Operation(summary = "List jobs", description = "The 50 newest jobs, newest first.")
    public List<JobView> list() {
        return jobs.newest(50).stream().map(job -> JobView.of(job, json)).toList();
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "Get a job", description = "Status, progress, phase, estimated time left and result.")
    public JobView get(@PathParam("id") String id) {
        return JobView.of(jobs.find(id).orElseThrow(() -> ProblemException.notFound("no job " + id)), json);
    }

    @DELETE
    @Path("/{id}")
    @Operation(summary = "Cancel a job", description = "A queued job is cancelled at once, a running one at its next "
            + "progress report; a cancelled job leaves nothing behind. 409 when it has already finished.")
    public JobView cancel(@PathParam("id") String id) {
        return JobView.of(jobs.cancel(id), json);
    }
}
