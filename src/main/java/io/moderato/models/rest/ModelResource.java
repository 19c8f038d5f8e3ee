package io.moderato.models.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.moderato.access.Roles;
import io.moderato.classification.BundleFiles;
import io.moderato.classification.ModelBundle;
import io.moderato.classification.ModelStore;
import io.moderato.classification.service.ClassificationService;
import io.moderato.models.config.ModelsConfig;
import io.moderato.problem.ProblemException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** The model bundles in the data directory, which one is live, and each one's held-out evaluation. */
@Path("/api/v1/admin/models")
@Tag(name = "Models")
@RolesAllowed(Roles.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
public class ModelResource {

    private final ModelStore store;
    private final ClassificationService classification;
    private final io.moderato.models.service.ModelLifecycle lifecycle;
    private final io.moderato.audit.service.AuditLog audit;
    private final io.moderato.access.CurrentCaller caller;
    private final ObjectMapper json;

    public ModelResource(ModelsConfig config, ClassificationService classification,
                         io.moderato.models.service.ModelLifecycle lifecycle, io.moderato.audit.service.AuditLog audit,
                         io.moderato.access.CurrentCaller caller, ObjectMapper json) {
        this.store = lifecycle.store();
        this.classification = classification;
        this.lifecycle = lifecycle;
        this.audit = audit;
        this.caller = caller;
        this.json = json;
    }

    /**
     * One bundle in the list.
     *
     * @param version   its version
     * @param createdAt when it was trained (from its manifest)
     * @param live      true for the bundle scoring comments now
     */
    public record ModelSummary(String version, String createdAt, boolean live) {
    }

    /**
     * One bundle in full.
     *
     * @param version    its version
     * @param live       true for the bundle scoring comments now
     * @param manifest   its manifest.json
     * @param evaluation its evaluation.json (a list of reports, the held-out split first), or null when absent
     */
    public record ModelDetail(String version, boolean live, JsonNode manifest, JsonNode evaluation) {
    }

    @GET
    @Operation(summary = "List model bundles", description = "Newest first; `live` marks the bundle scoring comments now.")
    public List<ModelSummary> list() {
        String live = liveVersion();
        List<String> newestFirst = new ArrayList<>(store.versions());
        Collections.reverse(newestFirst);
        return newestFirst.stream()
                .map(version -> new ModelSummary(version, manifest(version).path("createdAt").asText(null),
                        version.equals(live)))
                .toList();
    }

    @GET
    @Path("/{version}")
    @Operation(summary = "Get a model bundle", description = "Its manifest (thresholds, features, corpus hashes) and held-out evaluation.")
    public ModelDetail get(@PathParam("version") String version) {
        if (!store.versions().contains(version)) {
            throw ProblemException.notFound("no model bundle with version " + version);
        }
        java.nio.file.Path evaluation = store.directory(version).resolve(BundleFiles.EVALUATION);
        return new ModelDetail(version, version.equals(liveVersion()), manifest(version),
                Files.isRegularFile(evaluation) ? read(evaluation) : null);
    }

    @jakarta.ws.rs.POST
    @Path("/{version}/activate")
    @jakarta.transaction.Transactional
    @Operation(summary = "Make a model bundle live", description = "Promotes a new bundle or rolls back to an older one, "
            + "at once and for later starts; recorded in the audit log.")
    public ModelDetail activate(@PathParam("version") String version) {
        if (!store.versions().contains(version)) {
            throw ProblemException.notFound("no model bundle with version " + version);
        }
        String previous = liveVersion();
        try {
            lifecycle.activate(version);
        } catch (IOException e) {
            throw new ProblemException(409, "model-unusable", "Model unusable",
                    "bundle " + version + " cannot be loaded: " + e.getMessage(), List.of());
        }
        audit.append(new io.moderato.audit.service.AuditLog.Entry(caller.actor(), "MODEL_ACTIVATED", null, null,
                null, null, "model " + version + " made live (was " + previous + ")", null, null,
                java.util.Map.of("previous", String.valueOf(previous), "live", version)));
        return get(version);
    }

    private String liveVersion() {
        return classification.liveBundle().map(ModelBundle::version).orElse(null);
    }

    private JsonNode manifest(String version) {
        return read(store.directory(version).resolve(BundleFiles.MANIFEST));
    }

    private JsonNode read(java.nio.file.Path file) {
        try {
            return json.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
