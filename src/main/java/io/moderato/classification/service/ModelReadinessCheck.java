package io.moderato.classification.service;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready once a model bundle is live; reports its version. */
@Readiness
@ApplicationScoped
public class ModelReadinessCheck implements HealthCheck {

    private final ClassificationService service;

    public ModelReadinessCheck(ClassificationService service) {
        this.service = service;
    }

    @Override
    public HealthCheckResponse call() {
        return service.liveBundle()
                .map(bundle -> HealthCheckResponse.named("model").up().withData("modelVersion", bundle.version()).build())
                .orElseGet(() -> HealthCheckResponse.named("model").down().withData("modelVersion", "none").build());
    }
}
