package io.moderato.classification.service;

import io.moderato.problem.ProblemException;

import java.util.List;

/**
 * No model bundle is loaded yet (the service is still training its first one). Answered with 503 and a
 * {@code Retry-After} header.
 */
public class ModelNotReadyException extends ProblemException {

    /** Seconds a client is asked to wait before retrying. */
    public static final int RETRY_AFTER_SECONDS = 10;

    public ModelNotReadyException() {
        super(503, "model-not-ready", "Model not ready",
                "No model is loaded yet; the service is still training or loading its first one. Retry shortly.",
                List.of());
    }
}
