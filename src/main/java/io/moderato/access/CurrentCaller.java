package io.moderato.access;

import io.moderato.problem.ProblemException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;

import java.util.List;

/** The caller of the current request, as authenticated by Quarkus Security (the identity's {@link Caller}). */
@RequestScoped
public class CurrentCaller {

    /** The attribute of a security identity that holds its {@link Caller}. */
    public static final String ATTRIBUTE = "moderato.caller";

    private final SecurityIdentity identity;

    public CurrentCaller(SecurityIdentity identity) {
        this.identity = identity;
    }

    /** @return the caller; only resources that need a role may ask */
    public Caller get() {
        Caller caller = identity.isAnonymous() ? null : identity.getAttribute(ATTRIBUTE);
        if (caller == null) {
            throw new ProblemException(401, "unauthorized", "Unauthorized", "No API key was given.", List.of());
        }
        return caller;
    }

    /**
     * Refuses a key limited to other sites.
     *
     * @param siteId the site a request acts on (already checked to be a valid site id)
     * @throws ProblemException 403 when the caller's key is limited to sites that do not include it
     */
    public void checkSite(String siteId) {
        Caller current = get();
        if (!current.maySee(siteId)) {
            throw new ProblemException(403, "forbidden-site", "Forbidden",
                    "This key is limited to other sites; site " + siteId + " is not one of them.", List.of());
        }
    }

    /** @return the sites the caller's key is limited to; null for all */
    public java.util.Set<String> sites() {
        return get().sites();
    }

    /** @return the caller's name, as recorded in the audit log */
    public String actor() {
        return get().name();
    }
}
