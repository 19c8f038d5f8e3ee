package io.moderato.labels.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.moderato.access.Roles;
import jakarta.annotation.security.RolesAllowed;
import io.moderato.access.CurrentCaller;
import io.moderato.audit.service.AuditLog;
import io.moderato.classification.config.ClassificationConfig;
import io.moderato.jobs.JobType;
import io.moderato.jobs.service.JobService;
import io.moderato.labels.ImportMapping;
import io.moderato.labels.LabelSource;
import io.moderato.labels.service.LabelService;
import io.moderato.models.config.ModelsConfig;
import io.moderato.policy.SiteIds;
import io.moderato.problem.ProblemException;
import io.moderato.problem.RequestChecks;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Map;

/** A site's labels: import a labelled history, see how many there are, export them, withdraw them by source. */
@jakarta.ws.rs.Path("/api/v1/admin/sites/{siteId}")
@Tag(name = "Labels")
@RolesAllowed(Roles.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
public class LabelResource {

    /** Where uploaded files wait for their import job, under the data directory. */
    static final String IMPORTS_DIR = "imports";

    private final LabelService labels;
    private final JobService jobs;
    private final CurrentCaller caller;
    private final AuditLog audit;
    private final ObjectMapper json;
    private final ModelsConfig models;
    private final ClassificationConfig classification;

    public LabelResource(LabelService labels, JobService jobs, CurrentCaller caller, AuditLog audit, ObjectMapper json,
                         ModelsConfig models, ClassificationConfig classification) {
        this.labels = labels;
        this.jobs = jobs;
        this.caller = caller;
        this.audit = audit;
        this.json = json;
        this.models = models;
        this.classification = classification;
    }

    /**
     * The answer to an accepted job.
     *
     * @param jobId the job to follow at {@code GET /api/v1/admin/jobs/{jobId}}
     */
    public record Accepted(String jobId) {
    }

    @POST
    @jakarta.ws.rs.Path("/labels:import")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Operation(summary = "Import a labelled file", description = "Parts `file` (csv, tsv or jsonl) and `mapping` "
            + "(JSON: format, text column, per attribute its column and optional positive values). Answers 202 with "
            + "the import job; its result counts rows read, imported and skipped, with the first 100 row errors.")
    public Response importLabels(@PathParam("siteId") String siteId, @RestForm("file") FileUpload file,
                                 @RestForm("mapping") String mapping) {
        SiteIds.check(siteId);
        if (mapping == null || mapping.isBlank()) {
            throw ProblemException.invalid("mapping", "is required: a JSON part naming the format and the columns");
        }
        JsonNode mappingJson;
        try {
            mappingJson = json.readTree(mapping);
        } catch (IOException e) {
            throw ProblemException.invalid("mapping", "is not JSON: " + e.getMessage().lines().findFirst().orElse(""));
        }
        ImportMapping parsed = ImportMapping.parse(mappingJson);
        if (file == null || file.uploadedFile() == null) {
            throw ProblemException.invalid("file", "is required: the labelled file as a multipart part");
        }
        String actor = caller.actor();
        String jobId = jobs.create(JobType.IMPORT, siteId, actor);
        Path waiting;
        try {
            Path directory = Files.createDirectories(models.dataDir().resolve(IMPORTS_DIR));
            waiting = directory.resolve(jobId + ".upload");
            // The upload's temporary file is deleted when this request ends; the job reads it later.
            Files.move(file.uploadedFile(), waiting, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            jobs.cancel(jobId);
            throw new UncheckedIOException("cannot keep the uploaded file for its import", e);
        }
        int maxTextLength = classification.maxTextLength();
        jobs.start(jobId, context -> {
            try {
                return labels.importFile(siteId, waiting, parsed, maxTextLength, actor, context);
            } finally {
                Files.deleteIfExists(waiting);
            }
        });
        return Response.accepted(new Accepted(jobId)).build();
    }

    @GET
    @jakarta.ws.rs.Path("/labels")
    @Operation(summary = "Count a site's labels", description = "Per source (DECISION, FEEDBACK, IMPORT) and in all.")
    public Map<String, Object> counts(@PathParam("siteId") String siteId) {
        SiteIds.check(siteId);
        Map<LabelSource, Long> counts = labels.counts(siteId);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("siteId", siteId);
        answer.put("bySource", counts);
        answer.put("total", counts.values().stream().mapToLong(Long::longValue).sum());
        return answer;
    }

    @GET
    @jakarta.ws.rs.Path("/labels:export")
    @Produces("application/x-ndjson")
    @Operation(summary = "Export a site's labels", description = "One JSON object a line: id, source, sourceRef, text, "
            + "labels, actor, createdAt; oldest first.")
    public StreamingOutput export(@PathParam("siteId") String siteId) {
        SiteIds.check(siteId);
        return output -> labels.forEach(siteId, label -> {
            try {
                output.write(json.writeValueAsBytes(LabelService.exported(label)));
                output.write('\n');
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    @DELETE
    @jakarta.ws.rs.Path("/labels")
    @Operation(summary = "Withdraw a site's labels", description = "All labels of a `source` (DECISION, FEEDBACK, "
            + "IMPORT), or with `sourceRef` only those of one import job (or comment, or feedback). Any other query "
            + "parameter, or one given twice, is refused (400), so a misspelt `sourceRef` withdraws nothing. Audited.")
    public Map<String, Object> withdraw(@PathParam("siteId") String siteId, @QueryParam("source") String source,
                                        @QueryParam("sourceRef") String sourceRef) {
        // Any other query parameter, or one of these twice, was refused before (KnownParametersFilter): a misspelt
        // sourceRef would otherwise be dropped and every label of the source withdrawn.
        SiteIds.check(siteId);
        RequestChecks checks = new RequestChecks();
        LabelSource parsed = null;
        try {
            parsed = LabelSource.valueOf(source == null ? "" : source);
        } catch (IllegalArgumentException e) {
            checks.require(false, "source", "is required: one of DECISION, FEEDBACK, IMPORT");
        }
        checks.throwIfInvalid();
        LabelSource withdrawn = parsed;
        String actor = caller.actor();
        long deleted = QuarkusTransaction.requiringNew().call(() -> {
            long n = labels.withdraw(siteId, withdrawn, sourceRef);
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("source", withdrawn.name());
            details.put("sourceRef", sourceRef);
            details.put("deleted", n);
            audit.append(new AuditLog.Entry(actor, "LABELS_WITHDRAWN", siteId, null, null, null,
                    n + " " + withdrawn.name().toLowerCase() + " labels withdrawn", null, null, details));
            return n;
        });
        return Map.of("siteId", siteId, "source", withdrawn.name(), "deleted", deleted);
    }
}
