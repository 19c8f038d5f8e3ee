package io.moderato.classification.rest;

import io.moderato.access.Roles;
import io.moderato.classification.Classification;
import io.moderato.classification.ScoringMode;
import io.moderato.classification.config.ClassificationConfig;
import io.moderato.classification.service.ClassificationService;
import io.moderato.problem.LenientParameters;
import io.moderato.problem.Problem;
import io.moderato.problem.RequestChecks;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Scores comments for the toxicity attributes and topics, and shows which words drove each score. */
@LenientParameters("site integrations written by third parties; the bodies' unknown fields are ignored as well")
@Path("/api/v1/classify")
@RolesAllowed(Roles.CLIENT)
@Tag(name = "Classification")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class ClassifyResource {

    private final ClassificationService service;
    private final ClassificationConfig config;

    public ClassifyResource(ClassificationService service, ClassificationConfig config) {
        this.service = service;
        this.config = config;
    }

    @POST
    @Operation(summary = "Classify one comment",
            description = "Attribute probabilities, topics (highest first) and the spans behind high scores.")
    @APIResponse(responseCode = "200", description = "The classification")
    @APIResponse(responseCode = "400", description = "Missing, blank, too long or mistyped fields",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = "No model loaded yet",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public ClassifyResponse classify(ClassifyRequest request) {
        RequestChecks checks = new RequestChecks();
        if (checks.require(request != null, "body", "is required")) {
            checks.requireText(request.text(), "text", config.maxTextLength());
            checkContext(checks, request.context(), "context");
            checkMode(checks, request.mode());
            checkSite(checks, request.siteId());
        }
        checks.throwIfInvalid();
        ArticleDto article = request.context();
        return ClassifyResponse.of(service.classify(request.text(), article == null ? null : article.toContext(),
                mode(request.mode()), request.siteId()));
    }

    @POST
    @Path("/batch")
    @Operation(summary = "Classify a batch of comments",
            description = "Results in request order, all scored by the same model version.")
    @APIResponse(responseCode = "200", description = "One result per item")
    @APIResponse(responseCode = "400", description = "Empty or oversized batch, duplicate ids, bad items",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public BatchResponse batch(BatchRequest request) {
        RequestChecks checks = new RequestChecks();
        if (checks.require(request != null, "body", "is required")
                && checks.require(request.items() != null, "items", "is required")
                && checks.require(!request.items().isEmpty(), "items", "must not be empty")
                && checks.require(request.items().size() <= config.maxBatchSize(), "items",
                "must have at most " + config.maxBatchSize() + " items, had " + request.items().size())) {
            Set<String> ids = new HashSet<>();
            List<BatchRequest.Item> items = request.items();
            for (int i = 0; i < items.size(); i++) {
                BatchRequest.Item item = items.get(i);
                String path = "items[" + i + "]";
                if (!checks.require(item != null, path, "must be an object")) {
                    continue;
                }
                if (checks.require(item.id() != null && !item.id().isBlank(), path + ".id", "is required")) {
                    checks.require(ids.add(item.id()), path + ".id", "duplicates the id of an earlier item: " + item.id());
                }
                checks.requireText(item.text(), path + ".text", config.maxTextLength());
                checkContext(checks, item.context(), path + ".context");
            }
            checkMode(checks, request.mode());
            checkSite(checks, request.siteId());
        }
        checks.throwIfInvalid();
        List<BatchRequest.Item> items = request.items();
        boolean spans = Boolean.TRUE.equals(request.spans());
        List<Classification> results = service.classifyAll(items, BatchRequest.Item::text,
                item -> item.context() == null ? null : item.context().toContext(), mode(request.mode()), spans,
                request.siteId());
        List<BatchResponse.Result> out = new java.util.ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            Classification c = results.get(i);
            out.add(new BatchResponse.Result(items.get(i).id(), ClassifyResponse.attributes(c),
                    c.topics().stream().map(TopicDto::of).toList(),
                    spans ? c.spans().stream().map(SpanDto::of).toList() : null));
        }
        return new BatchResponse(results.get(0).modelVersion(), results.get(0).mode().key(), out);
    }

    private static void checkMode(RequestChecks checks, String mode) {
        if (mode != null) {
            checks.require(ScoringMode.fromKey(mode).isPresent(), "mode", "must be one of: fast, full");
        }
    }

    private static void checkSite(RequestChecks checks, String siteId) {
        if (siteId != null) {
            checks.require(io.moderato.policy.SiteIds.isValid(siteId), "siteId", io.moderato.policy.SiteIds.RULE);
        }
    }

    private static ScoringMode mode(String mode) {
        return mode == null ? null : ScoringMode.fromKey(mode).orElseThrow();
    }

    private void checkContext(RequestChecks checks, ArticleDto context, String path) {
        if (context != null) {
            checks.optionalText(context.articleTitle(), path + ".articleTitle", config.maxTextLength());
            checks.optionalText(context.articleText(), path + ".articleText", 10 * config.maxTextLength());
        }
    }
}
