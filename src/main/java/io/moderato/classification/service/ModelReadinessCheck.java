package io.moderato.classification.service;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready once a model bundle is live; reports its version and the default scoring mode. */
@Readiness
@ApplicationScoped
public class ModelReadinessCheck implements HealthCheck {

    private final ClassificationService service;
    private final io.moderato.models.service.ModelLifecycle lifecycle;

    public ModelReadinessCheck(ClassificationService service, io.moderato.models.service.ModelLifecycle lifecycle) {
        this.service = service;
        this.lifecycle = lifecycle;
    }

    @Override
    public HealthCheckResponse call() {
        return service.liveBundle()
                .map(bundle -> HealthCheckResponse.named("model").up().withData("modelVersion", bundle.version())
                        .withData("mode", service.defaultMode().key())
                        .withData("encoder", bundle.hasEncoder() ? bundle.manifest().encoder().name() : "none").build())
                .orElseGet(() -> HealthCheckResponse.named("model").down().withData("modelVersion", "none")
                        .withData("reason", lifecycle.pending().orElse("loading")).build());
    }
}
