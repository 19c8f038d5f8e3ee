package io.moderato.classification;

import io.moderato.TestModels;
import io.moderato.embedding.EncoderIdentity;
import io.moderato.text.TextNormalizer;
import io.moderato.training.BundleWriter;
import io.moderato.training.TrainingSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ModelBundleTest {

    private static final List<String> TEXTS = List.of("You are a complete idiot.", "Lovely weather in Leeds today",
            "The senator lied and should resign.", "f*ck off you m0r0n", "", "🤡🤡🤡");

    @Test
    void savedBundleReloadsAndPredictsIdentically(@TempDir Path dataDir) throws Exception {
        ModelBundle trained = TestModels.small();
        Path directory = new BundleWriter().write(dataDir, trained, List.of());
        for (String file : List.of(BundleFiles.MANIFEST, BundleFiles.ATTRIBUTE_MODEL, BundleFiles.TOPIC_MODEL,
                BundleFiles.LEXICON, BundleFiles.ENCODER_HEADS, BundleFiles.COMBINER, BundleFiles.PROVENANCE)) {
            assertTrue(Files.isRegularFile(directory.resolve(file)), file);
        }
        // Saved without reports, as a first start's bundle before its evaluation: no evaluation file.
        assertFalse(Files.exists(directory.resolve(BundleFiles.EVALUATION)));
        ModelStore store = new ModelStore(dataDir, TestModels.encoder().identity());
        assertEquals(List.of(trained.version()), store.versions());
        ModelBundle loaded = store.load(trained.version());
        assertEquals(trained.manifest(), loaded.manifest());

        TextClassifier before = new TextClassifier(trained, ScoringSettings.DEFAULT, TestModels.encoder());
        TextClassifier after = new TextClassifier(loaded, ScoringSettings.DEFAULT, TestModels.encoder());
        for (String text : TEXTS) {
            float[] embedding = TestModels.encoder().embed(text);
            TextClassifier.FamilyBreakdown a = before.breakdown(text, embedding);
            TextClassifier.FamilyBreakdown b = after.breakdown(text, embedding);
            assertArrayEquals(a.wordAttributes(), b.wordAttributes(), text);
            assertArrayEquals(a.encoderAttributes(), b.encoderAttributes(), text);
            assertArrayEquals(a.fullAttributes(), b.fullAttributes(), text);
            assertArrayEquals(a.fastAttributes(), b.fastAttributes(), text);
            assertArrayEquals(a.topics(), b.topics(), text);
            assertEquals(before.classify(text, null, ScoringMode.FULL), after.classify(text, null, ScoringMode.FULL));
        }
        String provenance = Files.readString(directory.resolve(BundleFiles.PROVENANCE));
        assertTrue(provenance.contains(trained.manifest().corpus().get(0).sha256()), "provenance names the corpus hash");
        assertTrue(provenance.contains("seed"), "provenance names the seed");
        assertTrue(provenance.contains(TestModels.encoder().modelSha256()), "provenance names the encoder's hash");
        assertEquals(TestModels.encoder().identity(), loaded.manifest().encoder());
    }

    @Test
    void aBundleRefusesToLoadAgainstAnotherEncoder(@TempDir Path dataDir) throws Exception {
        ModelBundle trained = TestModels.small();
        new BundleWriter().write(dataDir, trained, List.of());
        EncoderIdentity real = TestModels.encoder().identity();
        EncoderIdentity otherFile = new EncoderIdentity(real.name(), real.artifact(), "0".repeat(64), real.pooling(),
                real.maxTokens(), real.prefix(), real.dimensions());
        EncoderIdentity otherPooling = new EncoderIdentity(real.name(), real.artifact(), real.sha256(),
                io.moderato.embedding.EncoderSpec.Pooling.CLS, real.maxTokens(), real.prefix(), real.dimensions());
        for (EncoderIdentity wrong : List.of(otherFile, otherPooling)) {
            IOException refused = assertThrows(IOException.class,
                    () -> new ModelStore(dataDir, wrong).load(trained.version()));
            assertTrue(refused.getMessage().contains("encoder"), refused.getMessage());
        }
        ModelBundle withoutEncoder = new ModelStore(dataDir, null).load(trained.version());
        assertTrue(!withoutEncoder.hasEncoder(), "a service without an encoder serves the bundle's fast mode");
        assertEquals(ScoringMode.FAST, new TextClassifier(withoutEncoder, ScoringSettings.DEFAULT, null)
                .classify("You are a complete idiot.", null, ScoringMode.FULL).mode());
    }

    @Test
    void aBundleKeepsItsOwnLexicon(@TempDir Path dataDir) throws Exception {
        ModelBundle trained = TestModels.small();
        Path directory = new BundleWriter().write(dataDir, trained, List.of());
        assertEquals(Lexicon.builtIn().text(), Files.readString(directory.resolve(BundleFiles.LEXICON)));
        Files.writeString(directory.resolve(BundleFiles.LEXICON), Lexicon.builtIn().text() + "\n[insult]\nsunshine\n");
        IOException refused = assertThrows(IOException.class,
                () -> new ModelStore(dataDir, TestModels.encoder().identity()).load(trained.version()));
        assertTrue(refused.getMessage().contains("lexicon"), refused.getMessage());
    }

    @Test
    void headsScoreWithTheirLinearFormExactlyAsTribuoDoes() {
        ModelBundle bundle = TestModels.small();
        java.util.Random random = new java.util.Random(3);
        List<BinaryHead> heads = new java.util.ArrayList<>(bundle.encoder().attributes());
        heads.addAll(bundle.combiner().stacked());
        heads.addAll(bundle.combiner().wordOnly());
        for (BinaryHead head : heads) {
            assertTrue(head.isDirect(), "a logistic head is read as weights");
            int n = head.tribuoModel().getFeatureIDMap().size();
            for (int trial = 0; trial < 20; trial++) {
                double[] x = new double[n];
                for (int i = 0; i < n; i++) {
                    x[i] = random.nextGaussian() * (n > 16 ? 0.05 : 3.0);
                }
                String[] names = head.tribuoModel().getFeatureIDMap().keySet().stream().sorted().toArray(String[]::new);
                double tribuo = head.tribuoModel().predict(new org.tribuo.impl.ArrayExample<>(
                        org.tribuo.classification.LabelFactory.UNKNOWN_LABEL, names, x))
                        .getOutputScores().get(BinaryHead.POSITIVE).getScore();
                assertEquals(tribuo, head.probability(x), 1e-9);
            }
        }
    }

    @Test
    void sameSeedSameModel() {
        // The small bundle shared by the tests is trained with the default seed: one more training with it is enough.
        ModelBundle a = TestModels.small();
        ModelBundle b = TestModels.trainSmall(TrainingSettings.DEFAULT.seed());
        TextClassifier ca = new TextClassifier(a, ScoringSettings.DEFAULT, TestModels.encoder());
        TextClassifier cb = new TextClassifier(b, ScoringSettings.DEFAULT, TestModels.encoder());
        for (String text : TEXTS) {
            float[] embedding = TestModels.encoder().embed(text);
            assertArrayEquals(ca.breakdown(text, embedding).fullAttributes(), cb.breakdown(text, embedding).fullAttributes(), text);
            assertArrayEquals(ca.breakdown(text, embedding).topics(), cb.breakdown(text, embedding).topics(), text);
        }
        assertEquals(a.manifest().attributeThresholds(), b.manifest().attributeThresholds());
    }

    @Test
    void aServedWordModelScoresAsTribuoDoes() throws Exception {
        ModelBundle bundle = TestModels.small();
        LinearMultiLabelModel trained = bundle.word().attributeModel();
        LinearMultiLabelModel served = LinearMultiLabelModel.forServing(trained.tribuoModel(), trained.labels());
        assertThrows(IllegalStateException.class, served::tribuoModel);
        TextNormalizer normalizer = new TextNormalizer();
        var heldOut = new io.moderato.training.CorpusReader().read(TestModels.CORPUS_DIR.resolve("heldout.jsonl"));
        List<String> texts = new java.util.ArrayList<>(TEXTS);
        heldOut.comments().subList(0, 300).forEach(c -> texts.add(c.text()));
        texts.add("zzqx vvkp");
        for (String text : texts) {
            Features f = bundle.word().extractor().extract(normalizer.normalize(text));
            double[] scores = served.predict(f);
            boolean known = java.util.Arrays.stream(f.names())
                    .anyMatch(name -> trained.tribuoModel().getFeatureIDMap().getID(name) >= 0);
            if (!known) {
                // Tribuo refuses an example without a known feature; the answer is the bias alone.
                for (int label = 0; label < scores.length; label++) {
                    assertEquals(LinearMultiLabelModel.sigmoid(served.bias(label)), scores[label], 1e-12, text);
                }
                continue;
            }
            var prediction = trained.tribuoModel().predict(new org.tribuo.impl.ArrayExample<>(
                    new org.tribuo.multilabel.MultiLabelFactory().getUnknownOutput(), f.names(), f.values()));
            for (int label = 0; label < scores.length; label++) {
                double tribuo = prediction.getOutputScores().get(trained.labels().get(label)).getLabelSet().iterator().next().getScore();
                assertEquals(tribuo, scores[label], 1e-9, text + " label " + label);
            }
        }
    }

    @Test
    void tokenContributionsAddUpToTribuosScore() {
        ModelBundle bundle = TestModels.small();
        TextNormalizer normalizer = new TextNormalizer();
        FeatureExtractor extractor = bundle.word().extractor();
        LinearMultiLabelModel attributes = bundle.word().attributeModel();
        for (String text : List.of("You are a complete idiot.", "The senator lied and should resign.")) {
            var normalized = normalizer.normalize(text);
            Features f = extractor.extract(normalized);
            double[] scores = attributes.predict(f);
            for (int label = 0; label < scores.length; label++) {
                double logit = attributes.bias(label);
                for (double c : attributes.tokenContributions(f, label, normalized.tokens().size())) {
                    logit += c;
                }
                // The shouting feature is not a token's; these texts are not shouted, so the sum is exact.
                assertEquals(scores[label], LinearMultiLabelModel.sigmoid(logit), 1e-9, text + " label " + label);
            }
        }
    }

    @Test
    void anAdminsChoiceOverridesTheNewestBundle(@TempDir Path dataDir) throws Exception {
        ModelStore store = new ModelStore(dataDir, TestModels.encoder().identity());
        assertTrue(store.live().isEmpty());
        ModelBundle trained = TestModels.small();
        new BundleWriter().write(dataDir, trained, List.of());
        Path newer = dataDir.resolve(BundleFiles.MODELS_DIR).resolve("29990101-000000-later");
        Files.createDirectories(newer);
        Files.writeString(newer.resolve(BundleFiles.MANIFEST), "{}");
        assertEquals("29990101-000000-later", store.live().orElseThrow(), "without a choice the newest is live");
        store.setLive(trained.version());
        assertEquals(trained.version(), store.live().orElseThrow(), "rolled back");
        assertThrows(IOException.class, () -> store.setLive("nope"));
        assertEquals(trained.version(), store.live().orElseThrow(), "a failed choice changes nothing");
    }

    @Test
    void unknownVersionsAreRefused(@TempDir Path dataDir) {
        ModelStore store = new ModelStore(dataDir, null);
        assertTrue(store.versions().isEmpty());
        assertThrows(IOException.class, () -> store.load("../etc"));
        assertThrows(IOException.class, () -> store.load("20200101-000000-none"));
    }
}
