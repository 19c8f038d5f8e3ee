package io.moderato.models.service;

import io.moderato.TestModels;
import io.moderato.classification.ModelBundle;
import io.moderato.classification.ModelStore;
import io.moderato.classification.service.ClassificationService;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** A promotion and the replica's own follower, which makes live what the database records. */
@QuarkusTest
class ModelLifecycleTest {

    @Inject
    ModelLifecycle lifecycle;

    @Inject
    ClassificationService classification;

    private String liveVersion() {
        return classification.liveBundle().map(ModelBundle::version).orElseThrow();
    }

    @Test
    void aPromotionGoesLiveWhenItsRecordIsCommittedAndTheFollowerCannotUndoItMeanwhile() throws Exception {
        String original = liveVersion();
        Path written = TestModels.writeCopy("lifecycle");
        String copy = written.getFileName().toString();
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                try {
                    lifecycle.activate(copy, "test");
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
                assertEquals(original, liveVersion(), "not live before its record is committed");
                // The follower reads the committed record (the original bundle) while the promotion's is not yet.
                lifecycle.followPromotions();
            });
            assertEquals(copy, liveVersion(), "live once committed, the follower's round in between notwithstanding");
            lifecycle.followPromotions();
            assertEquals(copy, liveVersion(), "the follower agrees with the committed record");

            // As when the promotion's audit entry cannot be written: the transaction rolls back.
            assertThrows(RuntimeException.class, () -> QuarkusTransaction.requiringNew().run(() -> {
                try {
                    lifecycle.activate(original, "test");
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
                throw new IllegalStateException("the audit entry could not be written");
            }));
            assertEquals(copy, liveVersion(), "a rolled-back promotion changes nothing");
            lifecycle.followPromotions();
            assertEquals(copy, liveVersion(), "nor does the follower, the record being unchanged");
        } finally {
            lifecycle.activate(original, "test");
            try (Stream<Path> files = Files.walk(written)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
            Files.deleteIfExists(TestModels.DATA_DIR.resolve("models").resolve(ModelStore.LIVE_FILE));
        }
        assertEquals(original, liveVersion());
    }
}
