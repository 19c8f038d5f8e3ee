package io.moderato.access;

import io.moderato.problem.ProblemException;
import jakarta.enterprise.context.RequestScoped;

import java.util.List;

/** The caller of the current request, set by the authentication filter. */
@RequestScoped
public class CurrentCaller {

    private Caller caller;

    /** @param caller the authenticated caller */
    public void set(Caller caller) {
        this.caller = caller;
    }

    /** @return the caller; only resources behind the filter may ask */
    public Caller get() {
        if (caller == null) {
            throw new ProblemException(401, "unauthorized", "Unauthorized", "No API key was given.", List.of());
        }
        return caller;
    }

    /** @return the caller's name, as recorded in the audit log */
    public String actor() {
        return get().name();
    }
}
