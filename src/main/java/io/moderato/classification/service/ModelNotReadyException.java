package io.moderato.classification.service;

import io.moderato.problem.ProblemException;

import java.util.List;

/** No model bundle is loaded yet (the service is still training its first one). Answered with 503. */
public class ModelNotReadyException extends ProblemException {

    public ModelNotReadyException() {
        super(503, "model-not-ready", "Model not ready",
                "No model is loaded yet; the service is still starting. Retry shortly.", List.of());
    }
}
