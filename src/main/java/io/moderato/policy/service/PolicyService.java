package io.moderato.policy.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.moderato.policy.PolicyEvaluator;
import io.moderato.policy.SitePolicy;
import io.moderato.policy.repository.SitePolicyEntity;
import io.moderato.policy.repository.SitePolicyRepository;
import io.moderato.problem.FieldError;
import io.moderato.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Site policies. A site without a stored policy gets {@link SitePolicy#defaults()}. Compiled evaluators are cached
 * per site and policy version, so word lists are compiled once per change, not per comment.
 */
@ApplicationScoped
public class PolicyService {

    private final SitePolicyRepository policies;
    private final ObjectMapper json;
    private final Map<String, Cached> evaluators = new ConcurrentHashMap<>();

    private record Cached(long version, PolicyEvaluator evaluator) {
    }

    /**
     * A site's policy as stored.
     *
     * @param siteId    the site
     * @param policy    the policy
     * @param stored    false when the site uses the defaults
     * @param version   the stored version (0 for defaults)
     * @param updatedAt when it was last changed
     * @param updatedBy who changed it
     */
    public record StoredPolicy(String siteId, SitePolicy policy, boolean stored, long version, Instant updatedAt,
                               String updatedBy) {
    }

    public PolicyService(SitePolicyRepository policies, ObjectMapper json) {
        this.policies = policies;
        this.json = json;
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
        return new StoredPolicy(siteId, read(entity.policy), true, entity.version, entity.updatedAt, entity.updatedBy);
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
     * Replaces a site's policy.
     *
     * @param siteId the site
     * @param policy the new policy
     * @param actor  who changes it
     * @return the stored policy
     * @throws ProblemException 400 naming every unsound field
     */
    @Transactional
    public StoredPolicy put(String siteId, SitePolicy request, String actor) {
        SitePolicy policy = request.withDefaults();
        List<FieldError> errors = PolicyEvaluator.problems(policy).stream()
                .map(p -> new FieldError(p.getKey(), p.getValue())).toList();
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        SitePolicyEntity entity = policies.findById(siteId);
        if (entity == null) {
            entity = new SitePolicyEntity();
            entity.siteId = siteId;
            entity.policy = write(policy);
            entity.updatedAt = Instant.now();
            entity.updatedBy = actor;
            policies.persist(entity);
        } else {
            entity.policy = write(policy);
            entity.updatedAt = Instant.now();
            entity.updatedBy = actor;
        }
        policies.flush();
        return new StoredPolicy(siteId, policy, true, entity.version, entity.updatedAt, entity.updatedBy);
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
