package io.moderato.classification;

import io.moderato.TestModels;
import io.moderato.text.TextNormalizer;
import io.moderato.training.BundleWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ModelBundleTest {

    private static final List<String> TEXTS = List.of("You are a complete idiot.", "Lovely weather in Leeds today",
            "The senator lied and should resign.", "f*ck off you m0r0n", "", "🤡🤡🤡");

    @Test
    void savedBundleReloadsAndPredictsIdentically(@TempDir Path dataDir) throws Exception {
        ModelBundle trained = TestModels.small();
        Path directory = new BundleWriter().write(dataDir, trained, List.of());
        for (String file : List.of(BundleFiles.MANIFEST, BundleFiles.ATTRIBUTE_MODEL, BundleFiles.TOPIC_MODEL,
                BundleFiles.EVALUATION, BundleFiles.PROVENANCE)) {
            assertTrue(Files.isRegularFile(directory.resolve(file)), file);
        }
        ModelStore store = new ModelStore(dataDir);
        assertEquals(List.of(trained.version()), store.versions());
        ModelBundle loaded = store.load(trained.version());
        assertEquals(trained.manifest(), loaded.manifest());

        FeatureExtractor extractor = new FeatureExtractor(loaded.manifest().features());
        TextNormalizer normalizer = new TextNormalizer();
        for (String text : TEXTS) {
            Features f = extractor.extract(normalizer.normalize(text));
            assertArrayEquals(trained.attributes().predict(f), loaded.attributes().predict(f), text);
            assertArrayEquals(trained.topics().predict(f), loaded.topics().predict(f), text);
        }
        String provenance = Files.readString(directory.resolve(BundleFiles.PROVENANCE));
        assertTrue(provenance.contains(trained.manifest().corpus().get(0).sha256()), "provenance names the corpus hash");
        assertTrue(provenance.contains("seed"), "provenance names the seed");
    }

    @Test
    void sameSeedSameModel() {
        ModelBundle a = TestModels.trainSmall(11);
        ModelBundle b = TestModels.trainSmall(11);
        FeatureExtractor extractor = new FeatureExtractor(a.manifest().features());
        for (String text : TEXTS) {
            Features f = extractor.extract(new TextNormalizer().normalize(text));
            assertArrayEquals(a.attributes().predict(f), b.attributes().predict(f), text);
        }
        assertEquals(a.manifest().attributeThresholds(), b.manifest().attributeThresholds());
    }

    @Test
    void tokenContributionsAddUpToTribuosScore() {
        ModelBundle bundle = TestModels.small();
        TextNormalizer normalizer = new TextNormalizer();
        FeatureExtractor extractor = new FeatureExtractor(bundle.manifest().features());
        for (String text : List.of("You are a complete idiot.", "The senator lied and should resign.")) {
            var normalized = normalizer.normalize(text);
            Features f = extractor.extract(normalized);
            double[] scores = bundle.attributes().predict(f);
            for (int label = 0; label < scores.length; label++) {
                double logit = bundle.attributes().bias(label);
                for (double c : bundle.attributes().tokenContributions(f, label, normalized.tokens().size())) {
                    logit += c;
                }
                // The shouting feature is not a token's; these texts are not shouted, so the sum is exact.
                assertEquals(scores[label], LinearMultiLabelModel.sigmoid(logit), 1e-9, text + " label " + label);
            }
        }
    }

    @Test
    void anAdminsChoiceOverridesTheNewestBundle(@TempDir Path dataDir) throws Exception {
        ModelStore store = new ModelStore(dataDir);
        assertTrue(store.live().isEmpty());
        ModelBundle trained = TestModels.small();
        new BundleWriter().write(dataDir, trained, List.of());
        Path newer = dataDir.resolve(BundleFiles.MODELS_DIR).resolve("29990101-000000-later");
        java.nio.file.Files.createDirectories(newer);
        java.nio.file.Files.writeString(newer.resolve(BundleFiles.MANIFEST), "{}");
        assertEquals("29990101-000000-later", store.live().orElseThrow(), "without a choice the newest is live");
        store.setLive(trained.version());
        assertEquals(trained.version(), store.live().orElseThrow(), "rolled back");
        org.junit.jupiter.api.Assertions.assertThrows(java.io.IOException.class, () -> store.setLive("nope"));
        assertEquals(trained.version(), store.live().orElseThrow(), "a failed choice changes nothing");
    }

    @Test
    void unknownVersionsAreRefused(@TempDir Path dataDir) {
        ModelStore store = new ModelStore(dataDir);
        assertTrue(store.versions().isEmpty());
        org.junit.jupiter.api.Assertions.assertThrows(java.io.IOException.class, () -> store.load("../etc"));
        org.junit.jupiter.api.Assertions.assertThrows(java.io.IOException.class, () -> store.load("20200101-000000-none"));
    }
}
