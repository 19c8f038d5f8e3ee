package io.moderato.policy.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import io.moderato.audit.service.AuditLog;
import io.moderato.policy.MergePatch;
import io.moderato.policy.PolicyEvaluator;
import io.moderato.policy.SitePolicy;
import io.moderato.policy.repository.SitePolicyEntity;
import io.moderato.policy.repository.SitePolicyRepository;
import io.moderato.problem.FieldError;
import io.moderato.problem.ProblemMappers;
import io.moderato.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Site policies. A site without a stored policy gets {@link SitePolicy#defaults()}. Compiled evaluators are cached
 * per site and policy version, so word lists are compiled once per change, not per comment.
 */
@ApplicationScoped
public class PolicyService {

    /** The audit action of a policy change. */
    public static final String POLICY_CHANGED = "POLICY_CHANGED";

    private final SitePolicyRepository policies;
    private final ObjectMapper json;
    /** A merge patch's members checked against the policy's fields, as a PUT's body is (StrictJsonBody). */
    private final ObjectReader strict;
    private final AuditLog audit;
    private final Map<String, Cached> evaluators = new ConcurrentHashMap<>();

    private record Cached(long version, PolicyEvaluator evaluator) {
    }

    /**
     * A site's policy as stored.
     *
     * @param siteId    the site
     * @param policy    the policy
     * @param stored    false when the site uses the defaults
     * @param version   the stored version, 1 for the first stored policy and one more at each change (0: defaults);
     *                  also the policy's ETag, which PUT and PATCH take as If-Match
     * @param updatedAt when it was last changed
     * @param updatedBy who changed it
     */
    public record StoredPolicy(String siteId, SitePolicy policy, boolean stored, long version, Instant updatedAt,
                               String updatedBy) {
    }

    public PolicyService(SitePolicyRepository policies, ObjectMapper json, AuditLog audit) {
        this.policies = policies;
        this.json = json;
        this.strict = json.readerFor(SitePolicy.class).with(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        this.audit = audit;
    }

    /**
     * @param siteId a site
     * @return its policy, or the defaults
     */
    @Transactional
    public StoredPolicy get(String siteId) {
        SitePolicyEntity entity = policies.findById(siteId);
        if (entity == null) {
            return new StoredPolicy(siteId, SitePolicy.defaults(), false, 0, null, null);
        }
        return new StoredPolicy(siteId, read(entity.policy), true, entity.version + 1, entity.updatedAt, entity.updatedBy);
    }

    /**
     * @param siteId a site
     * @return the evaluator of its current policy
     */
    @Transactional
    public PolicyEvaluator evaluator(String siteId) {
        SitePolicyEntity entity = policies.findById(siteId);
        long version = entity == null ? -1 : entity.version;
        Cached cached = evaluators.get(siteId);
        if (cached != null && cached.version() == version) {
            return cached.evaluator();
        }
        PolicyEvaluator evaluator = new PolicyEvaluator(entity == null ? SitePolicy.defaults() : read(entity.policy));
        evaluators.put(siteId, new Cached(version, evaluator));
        return evaluator;
    }

    /**
     * Replaces a site's policy: what the request leaves out takes its default, not its stored value.
     *
     * @param siteId          the site
     * @param request         the new policy
     * @param actor           who changes it
     * @param expectedVersion the version the change was based on (If-Match); null: unconditional
     * @return the stored policy
     * @throws ProblemException 400 naming every unsound field; 412 when the policy is no longer at expectedVersion
     */
    @Transactional
    public StoredPolicy put(String siteId, SitePolicy request, String actor, Long expectedVersion) {
        return store(siteId, request.withDefaults(), actor, expectedVersion);
    }

    /**
     * Changes part of a site's policy with a JSON Merge Patch (RFC 7396) applied to its current policy (the defaults
     * when none is stored): named members change, members set to null return to their default, the rest stay.
     *
     * @param siteId          the site
     * @param patch           the merge patch, a JSON object
     * @param actor           who changes it
     * @param expectedVersion the version the change was based on (If-Match); null: unconditional
     * @return the stored policy
     * @throws ProblemException 400 for an unsound result, 412 when the policy is no longer at expectedVersion
     */
    @Transactional
    public StoredPolicy patch(String siteId, JsonNode patch, String actor, Long expectedVersion) {
        if (patch == null || !patch.isObject()) {
            throw ProblemException.invalid("body", "must be a JSON object (a JSON Merge Patch of the policy)");
        }
        JsonNode current = json.valueToTree(get(siteId).policy());
        SitePolicy patched;
        try {
            // The patch has the policy's shape, so it reads as a (partial) policy: read strictly, a member the policy
            // does not have is refused with the PUT's field path, also one set to null (which the merge would drop
            // without a trace), where ignoring it would answer 200 and change nothing.
            strict.treeToValue(patch, SitePolicy.class);
            patched = json.treeToValue(MergePatch.apply(current, patch), SitePolicy.class);
        } catch (com.fasterxml.jackson.databind.JsonMappingException e) {
            throw ProblemException.invalid(List.of(ProblemMappers.fieldError(e)));
        } catch (JsonProcessingException e) {
            throw ProblemException.invalid("body", "is not a policy: " + e.getOriginalMessage());
        }
        return store(siteId, patched.withDefaults(), actor, expectedVersion);
    }

    private StoredPolicy store(String siteId, SitePolicy policy, String actor, Long expectedVersion) {
        List<FieldError> errors = PolicyEvaluator.problems(policy).stream()
                .map(p -> new FieldError(p.getKey(), p.getValue())).toList();
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        SitePolicyEntity entity = policies.findById(siteId);
        long currentVersion = entity == null ? 0 : entity.version + 1;
        if (expectedVersion != null && expectedVersion != currentVersion) {
            throw stale(currentVersion, expectedVersion);
        }
        SitePolicy before = entity == null ? null : read(entity.policy);
        Instant now = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
        if (entity == null) {
            entity = new SitePolicyEntity();
            entity.siteId = siteId;
            entity.policy = write(policy);
            entity.updatedAt = now;
            entity.updatedBy = actor;
            policies.persist(entity);
        } else {
            entity.policy = write(policy);
            entity.updatedAt = now;
            entity.updatedBy = actor;
        }
        try {
            policies.flush();
        } catch (PersistenceException e) {
            // Another change of the same policy committed first (version check or first insert).
            throw stale(-1, currentVersion);
        }
        long version = entity.version + 1;
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("version", version);
        details.put("before", before);
        details.put("after", policy);
        audit.append(new AuditLog.Entry(actor, POLICY_CHANGED, siteId, null, null, null, null, null, null, details));
        return new StoredPolicy(siteId, policy, true, version, entity.updatedAt, entity.updatedBy);
    }

    private static ProblemException stale(long current, long expected) {
        return new ProblemException(412, "precondition-failed", "Precondition Failed",
                (current < 0 ? "the policy was changed by someone else after version " + expected
                        : "the policy is at version " + current + ", not " + expected)
                        + "; read it again (GET, ETag) and apply your change to what is there now", List.of());
    }

    private SitePolicy read(String stored) {
        try {
            return json.readValue(stored, SitePolicy.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored policy is not readable: " + e.getOriginalMessage(), e);
        }
    }

    private String write(SitePolicy policy) {
        try {
            return json.writeValueAsString(policy);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
