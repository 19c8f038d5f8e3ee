package io.moderato.models.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.moderato.access.Authorized;
import io.moderato.access.Role;
import io.moderato.classification.BundleFiles;
import io.moderato.classification.ModelBundle;
import io.moderato.classification.ModelStore;
import io.moderato.classification.service.ClassificationService;
import io.moderato.models.config.ModelsConfig;
import io.moderato.problem.ProblemException;
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
@Authorized(Role.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
public class ModelResource {

    private final ModelStore store;
    private final ClassificationService classification;
    private final ObjectMapper json;

    public ModelResource(ModelsConfig config, ClassificationService classification, ObjectMapper json) {
        this.store = new ModelStore(config.dataDir());
        this.classification = classification;
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
