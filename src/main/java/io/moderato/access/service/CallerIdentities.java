package io.moderato.access.service;

import io.moderato.access.AccessRefusal;
import io.moderato.access.Caller;
import io.moderato.access.CurrentCaller;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.OptionalLong;

/**
 * Turns an authenticated caller into a security identity, once its key has budget left: the identity's principal is
 * the key's name, its roles are the key's role and every role below it, and it carries the {@link Caller}.
 */
@ApplicationScoped
public class CallerIdentities {

    private final RateLimiter rateLimiter;

    public CallerIdentities(RateLimiter rateLimiter) {
        this.rateLimiter = rateLimiter;
    }

    /**
     * @param caller an authenticated caller
     * @return its identity
     * @throws io.quarkus.security.AuthenticationFailedException carrying a 429 {@link AccessRefusal} when the key is
     *                                                           over its rate limit
     */
    public SecurityIdentity admit(Caller caller) {
        OptionalLong wait = rateLimiter.acquire(caller.prefix(), caller.rateLimitPerMinute(), System.currentTimeMillis());
        if (wait.isPresent()) {
            throw AccessRefusal.rateLimited(caller.rateLimitPerMinute(), wait.getAsLong()).failure();
        }
        return QuarkusSecurityIdentity.builder()
                .setPrincipal(caller::name)
                .addRoles(caller.role().roleNames())
                .addAttribute(CurrentCaller.ATTRIBUTE, caller)
                .build();
    }
}
