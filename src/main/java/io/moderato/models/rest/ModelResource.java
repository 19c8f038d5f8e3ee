package io.moderato.models.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.moderato.access.CurrentCaller;
import io.moderato.access.Roles;
import io.moderato.classification.BundleFiles;
import io.moderato.classification.ModelBundle;
import io.moderato.classification.ModelStore;
import io.moderato.classification.service.ClassificationService;
import io.moderato.audit.service.AuditLog;
import io.moderato.models.config.ModelsConfig;
import io.moderato.models.service.ModelLifecycle;
import io.moderato.problem.FieldError;
import io.moderato.problem.ProblemException;
import io.quarkus.narayana.jta.QuarkusTransaction;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The model bundles in the data directory, which one is live, and each one's held-out evaluation. */
// The class path is shared with the training resource (models:train): RESTEasy Reactive matches class paths by
// prefix, so "models" as a class path would also catch "models:train".
@Path("/api/v1/admin")
@Tag(name = "Models")
@RolesAllowed(Roles.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
public class ModelResource {

    private final ModelStore store;
    private final ClassificationService classification;
    private final ModelLifecycle lifecycle;
    private final AuditLog audit;
    private final CurrentCaller caller;
    private final ObjectMapper json;

    public ModelResource(ModelsConfig config, ClassificationService classification,
                         ModelLifecycle lifecycle, AuditLog audit,
                         CurrentCaller caller, ObjectMapper json) {
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
     * @param live      true for the bundle live where it can be (the shared one, or its site's own)
     * @param siteId    the site it was trained for, or null for a shared bundle
     * @param gate      for a site's bundle, whether the evaluation gate passed it (null when it has no gate report)
     */
    public record ModelSummary(String version, String createdAt, boolean live, String siteId, Boolean gate) {
    }

    /**
     * One bundle in full.
     *
     * @param version    its version
     * @param live       true for the bundle live where it can be (the shared one, or its site's own)
     * @param siteId     the site it was trained for, or null for a shared bundle
     * @param manifest   its manifest.json
     * @param evaluation its evaluation.json (a list of reports, the held-out split first), or null when absent
     * @param gate       its gate.json (the evaluation gate's report, site bundles only), or null
     * @param calibration its calibration.json (a site bundle's calibration to the site's labels, applied to the
     *                    scores it serves), or null
     */
    public record ModelDetail(String version, boolean live, String siteId, JsonNode manifest, JsonNode evaluation,
                              JsonNode gate, JsonNode calibration) {
    }

    /**
     * An activation request.
     *
     * @param force make the bundle live even though the evaluation gate refused it (audited as forced)
     */
    public record ActivateRequest(Boolean force) {
    }

    @GET
    @Path("/models")
    @Operation(summary = "List model bundles", description = "Newest first; `live` marks the bundle scoring comments now.")
    public List<ModelSummary> list() {
        List<String> newestFirst = new ArrayList<>(store.versions());
        Collections.reverse(newestFirst);
        return newestFirst.stream().map(version -> {
            JsonNode manifest = manifest(version);
            String siteId = manifest.path("siteId").asText(null);
            JsonNode gate = optional(version, BundleFiles.GATE);
            return new ModelSummary(version, manifest.path("createdAt").asText(null), isLive(version, siteId), siteId,
                    gate == null ? null : gate.path("passed").asBoolean());
        }).toList();
    }

    @GET
    @Path("/models/{version}")
    @Operation(summary = "Get a model bundle", description = "Its manifest (thresholds, features, corpus hashes) and held-out evaluation.")
    public ModelDetail get(@PathParam("version") String version) {
        if (!store.versions().contains(version)) {
            throw ProblemException.notFound("no model bundle with version " + version);
        }
        JsonNode manifest = manifest(version);
        String siteId = manifest.path("siteId").asText(null);
        return new ModelDetail(version, isLive(version, siteId), siteId, manifest,
                optional(version, BundleFiles.EVALUATION), optional(version, BundleFiles.GATE),
                optional(version, BundleFiles.CALIBRATION));
    }

    @GET
    @Path("/models/{version}/bias")
    @Operation(summary = "Get a bundle's bias report", description = "Subgroup, BPSN and BNSP ROC AUC per identity "
            + "subgroup (Borkan et al., 2019) and their generalised means (p = -5), on the corpus held-out split and, "
            + "for a site's bundle, on the site's held-out labels. 404 for a bundle trained before bias reports, and for a "
            + "first start's bundle in the seconds before its held-out evaluation is complete.")
    public JsonNode bias(@PathParam("version") String version) {
        if (!store.versions().contains(version)) {
            throw ProblemException.notFound("no model bundle with version " + version);
        }
        JsonNode bias = optional(version, BundleFiles.BIAS);
        if (bias == null) {
            throw ProblemException.notFound("bundle " + version + " has no bias report (trained before bias reports, or "
                    + "a first start's bundle whose held-out evaluation is not complete yet)");
        }
        return bias;
    }

    @jakarta.ws.rs.POST
    @Path("/models/{version}/activate")
    @Operation(summary = "Make a model bundle live", description = "Promotes a new bundle or rolls back to an older one, "
            + "at once and for later starts: a site's bundle for that site, a shared bundle for every site without "
            + "its own. 409 when the evaluation gate refused the bundle, unless the body says {\"force\": true}. "
            + "Recorded in the audit log (forced promotions as such).")
    public ModelDetail activate(@PathParam("version") String version, ActivateRequest request) {
        if (!store.versions().contains(version)) {
            throw ProblemException.notFound("no model bundle with version " + version);
        }
        boolean force = request != null && Boolean.TRUE.equals(request.force());
        JsonNode gate = optional(version, BundleFiles.GATE);
        boolean refused = gate != null && !gate.path("passed").asBoolean(true);
        if (refused && !force) {
            List<FieldError> reasons = new ArrayList<>();
            gate.path("reasons").forEach(reason -> reasons.add(new FieldError("gate", reason.asText())));
            throw new ProblemException(409, "gate-refused", "Refused by the evaluation gate", "bundle " + version
                    + " is worse than the live bundle on the site's held-out labels; send {\"force\": true} to "
                    + "promote it anyway", reasons);
        }
        String siteId = manifest(version).path("siteId").asText(null);
        String previous = classification.liveBundle(siteId).map(ModelBundle::version).orElse(null);
        String actor = caller.actor();
        QuarkusTransaction.requiringNew().run(() -> {
            try {
                lifecycle.activate(version, actor);
            } catch (IOException e) {
                throw new ProblemException(409, "model-unusable", "Model unusable",
                        "bundle " + version + " cannot be loaded: " + e.getMessage(), List.of());
            }
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("previous", String.valueOf(previous));
            details.put("live", version);
            details.put("siteId", siteId == null ? "*" : siteId);
            details.put("gate", gate == null ? "none" : refused ? "refused" : "passed");
            details.put("forced", refused);
            audit.append(new AuditLog.Entry(actor, "MODEL_ACTIVATED", siteId, null,
                    null, null, "model " + version + " made live" + (siteId == null ? "" : " for site " + siteId)
                    + " (was " + previous + ")" + (refused ? ", forced past the evaluation gate" : ""), null, null,
                    details));
        });
        return get(version);
    }

    private boolean isLive(String version, String siteId) {
        return siteId == null ? version.equals(liveVersion())
                : version.equals(classification.siteVersions().get(siteId));
    }

    private JsonNode optional(String version, String file) {
        java.nio.file.Path path = store.directory(version).resolve(file);
        return Files.isRegularFile(path) ? read(path) : null;
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
