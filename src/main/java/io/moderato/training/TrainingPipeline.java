package io.moderato.training;

import io.moderato.classification.Attribute;
import io.moderato.classification.BundleFiles;
import io.moderato.classification.BundleManifest;
import io.moderato.classification.ModelBundle;
import io.moderato.classification.ScoringSettings;
import io.moderato.classification.TextClassifier;
import io.moderato.classification.Topic;
import io.moderato.embedding.Embedder;
import io.moderato.labels.SiteLabel;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Train, evaluate on the held-out split, save: the one sequence behind the train command and the training jobs. The
 * service's first start on an empty data directory takes it in two steps ({@link #trainUnevaluated}, then
 * {@link #completeEvaluation} once the bundle is live), so that it serves as soon as the bundle is trained. A bundle
 * for a site also learns from the site's labels (weighted, the held-out slice kept back), is calibrated to the
 * site's labels (the calibration is part of what the bundle serves), is judged by the evaluation gate against the
 * bundle live for the site on the scale it will serve, and carries the site's threshold suggestions on that scale;
 * every bundle carries a bias report.
 */
public final class TrainingPipeline {

    /** Sub-directory of the data directory where corpus embeddings are cached between runs. */
    public static final String EMBEDDINGS_DIR = "embeddings";

    /**
     * What a run produced.
     *
     * @param directory where the bundle was saved
     * @param bundle    the bundle, as saved
     * @param heldOut   its figures on the held-out split
     * @param gate      the gate's verdict (site bundles only), else null
     */
    public record Result(Path directory, ModelBundle bundle, EvaluationReport heldOut, SiteGate.Verdict gate) {
    }

    /**
     * What a site brings to a training.
     *
     * @param siteId          the site
     * @param labels          all its labels (the held-out slice is taken from them by id)
     * @param weight          how many times a site label counts against a corpus comment, at most (never more
     *                        than the corpus is larger than the site's labels)
     * @param base            the shared bundle, which fills in what a label does not judge (the attributes it
     *                        leaves out, the topics)
     * @param live            the bundle live for the site now (its own or the shared one), the gate's reference
     * @param thresholds      per attribute the site's review threshold
     * @param reviewRecall    review target of the threshold suggestions
     * @param rejectPrecision reject target of the threshold suggestions
     */
    public record Site(String siteId, List<SiteLabel> labels, int weight, ModelBundle base, ModelBundle live,
                       Map<Attribute, Double> thresholds, double reviewRecall, double rejectPrecision) {
    }

    private final TrainingSettings settings;

    /** @param settings how to train */
    public TrainingPipeline(TrainingSettings settings) {
        this.settings = settings;
    }

    /**
     * @param corpusDir the corpus directory ({@code training-data})
     * @param dataDir   the data directory the bundle is saved under (and where embeddings are cached)
     * @param embedder  the sentence encoder, or null for a word-only bundle
     * @param progress  told how far the run is
     * @return the saved bundle and its held-out figures
     * @throws IOException when the corpus cannot be read or the bundle cannot be written
     */
    public Result run(Path corpusDir, Path dataDir, Embedder embedder, TrainingProgress progress) throws IOException {
        return run(corpusDir, 1, dataDir, embedder, null, progress);
    }

    /**
     * @param corpusDir    the corpus directory, or null to train on the site's labels alone
     * @param corpusStride train on every n-th corpus comment (1: all; tests take a slice)
     * @param dataDir      the data directory the bundle is saved under (and where embeddings are cached)
     * @param embedder     the sentence encoder, or null for a word-only bundle
     * @param site         the site whose bundle this is, or null for a shared bundle
     * @param progress     told how far the run is; nothing is written before the last report below 0.98
     * @return the saved bundle, its held-out figures and, for a site, the gate's verdict
     * @throws IOException when the corpus cannot be read or the bundle cannot be written
     */
    public Result run(Path corpusDir, int corpusStride, Path dataDir, Embedder embedder, Site site,
                      TrainingProgress progress) throws IOException {
        CorpusReader reader = new CorpusReader();
        Path corpus = corpusDir == null ? Path.of("training-data") : corpusDir;
        CorpusReader.CorpusFile heldOut = reader.read(corpus.resolve(CorpusReader.HELD_OUT_FILE));
        EmbeddingFileCache cache = new EmbeddingFileCache(dataDir.resolve(EMBEDDINGS_DIR));
        List<CorpusReader.CorpusComment> comments = new ArrayList<>();
        List<Integer> weights = new ArrayList<>();
        List<BundleManifest.DataFile> files = new ArrayList<>();
        if (corpusDir != null) {
            CorpusReader.CorpusFile train = reader.read(corpusDir.resolve(CorpusReader.TRAIN_FILE));
            for (int i = 0; i < train.comments().size(); i += corpusStride) {
                comments.add(train.comments().get(i));
                weights.add(1);
            }
            files.add(train.file());
        }
        List<SiteLabel> slice = new ArrayList<>();
        List<SiteLabel> learn = new ArrayList<>();
        float[][] embeddings = null;
        int firstSiteRow = comments.size();
        double start = 0;
        if (site != null) {
            for (SiteLabel label : site.labels()) {
                (SiteGate.heldOut(label) ? slice : learn).add(label);
            }
            progress.report("embedding the site's labels", 0.0);
            embeddings = embedder == null ? null : cache.embed(embedder,
                    learn.stream().map(SiteLabel::text).toList(),
                    done -> progress.report("embedding the site's labels (" + Math.round(done * learn.size()) + " of "
                            + learn.size() + ")", 0.2 * done));
            progress.report("filling in what the site's labels leave out", 0.2);
            float[][] siteEmbeddings = embeddings;
            TextClassifier base = new TextClassifier(site.base(), ScoringSettings.DEFAULT, embedder);
            // The weight lifts a site's few labels against the corpus; a site with as many labels as the corpus
            // needs none (and duplicating thousands of rows would only cost memory).
            int weight = Math.max(1, Math.min(site.weight(), comments.size() / Math.max(1, learn.size())));
            for (int i = 0; i < learn.size(); i++) {
                comments.add(siteComment(learn.get(i), base.breakdown(learn.get(i).text(),
                        siteEmbeddings == null ? null : siteEmbeddings[i])));
                weights.add(weight);
            }
            files.add(new BundleManifest.DataFile("site " + site.siteId() + " labels (held-out slice kept back)",
                    siteFingerprint(learn), learn.size()));
            start = 0.25;
        }
        double span = 0.85 - start;
        double offset = start;
        List<String> heldOutTexts = heldOut.comments().stream().map(CorpusReader.CorpusComment::text).toList();
        ModelBundle trained = new BundleTrainer(settings).train(comments,
                weights.stream().mapToInt(Integer::intValue).toArray(), files, embedder, cache, heldOutTexts,
                (phase, fraction) -> progress.report(phase, offset + span * fraction));

        progress.report("evaluating on the held-out split", 0.86);
        TextClassifier classifier = new TextClassifier(trained, ScoringSettings.DEFAULT, embedder);
        float[][] heldOutEmbeddings = embedder == null ? null : cache.embed(embedder, heldOutTexts, done -> { });
        Map<Evaluator.Scores, EvaluationReport> reports = evaluate(classifier, heldOut, heldOutEmbeddings);
        EvaluationReport report = headlineReport(reports);

        Map<String, Double> headline = headline(report);
        List<BundleManifest.DataFile> allFiles = new ArrayList<>(files);
        allFiles.add(heldOut.file());
        BundleManifest manifest = trained.manifest().withCorpus(allFiles).withHeldOut(headline)
                .withSiteId(site == null ? null : site.siteId());
        ModelBundle bundle = new ModelBundle(null, manifest, trained.word(), trained.encoder(), trained.combiner());
        Map<String, Object> calibrationFit = null;
        if (site != null) {
            // Calibrated on the site's labels that fell in the training's validation split: the families never saw
            // them (the gate's slice is not among them either, so the gate measures the calibration fairly).
            progress.report("calibrating the scores to the site's labels", 0.855);
            java.util.Set<Integer> validation = BundleTrainer.validationRows(comments.size(), settings);
            List<SiteLabel> calibrationLabels = new ArrayList<>();
            List<float[]> calibrationEmbeddings = new ArrayList<>();
            for (int i = 0; i < learn.size(); i++) {
                if (validation.contains(firstSiteRow + i)) {
                    calibrationLabels.add(learn.get(i));
                    calibrationEmbeddings.add(embeddings == null ? null : embeddings[i]);
                }
            }
            SiteCalibrationFit.Result fit = SiteCalibrationFit.fit(site.siteId(), bundle, calibrationLabels,
                    embeddings == null ? null : calibrationEmbeddings.toArray(float[][]::new),
                    calibrationLabels.size() + " site labels in the training's validation split (not learnt by "
                            + "the model families; the gate's held-out slice excluded)");
            bundle = bundle.withCalibration(fit.calibration());
            calibrationFit = fit.report();
        }
        TextClassifier candidate = new TextClassifier(bundle, ScoringSettings.DEFAULT, embedder);

        Map<String, Object> extras = new LinkedHashMap<>();
        List<Map<String, Object>> bias = new ArrayList<>();
        progress.report("measuring unintended bias", 0.9);
        bias.add(heldOutBias(candidate, heldOut, heldOutEmbeddings));
        SiteGate.Verdict verdict = null;
        if (site != null) {
            progress.report("judging the candidate against the live bundle on the site's held-out slice", 0.93);
            float[][] sliceEmbeddings = embedder == null ? null : cache.embed(embedder,
                    slice.stream().map(SiteLabel::text).toList(), done -> { });
            TextClassifier live = site.live() == null ? null
                    : new TextClassifier(site.live(), ScoringSettings.DEFAULT, embedder);
            verdict = SiteGate.judge(candidate, live, slice, sliceEmbeddings, site.thresholds(), site.reviewRecall(),
                    site.rejectPrecision());
            Map<String, Object> gate = new LinkedHashMap<>(verdict.report());
            gate.put("calibrationFit", calibrationFit);
            if (live != null) {
                Map<Evaluator.Scores, EvaluationReport> liveReports = new Evaluator().evaluateFamilies(live,
                        heldOutEmbeddings, "held-out (" + heldOut.file().path() + ")", heldOut.labelled());
                EvaluationReport liveReport = liveReports.getOrDefault(Evaluator.Scores.COMBINED,
                        liveReports.get(Evaluator.Scores.FAST));
                Map<String, Object> corpusSideBySide = new LinkedHashMap<>();
                report.attributes().forEach((attribute, figures) -> corpusSideBySide.put(attribute, Map.of(
                        "candidateRocAuc", figures.rocAuc(), "liveRocAuc", liveReport.attributes().get(attribute).rocAuc())));
                gate.put("corpusHeldOut", corpusSideBySide);
            }
            extras.put(BundleFiles.GATE, gate);
            verdict = new SiteGate.Verdict(verdict.passed(), verdict.reasons(), gate);
            List<SiteLabel> toxicitySlice = slice.stream().filter(l -> l.labels().containsKey(Attribute.TOXICITY)).toList();
            if (!toxicitySlice.isEmpty()) {
                float[][] toxicityEmbeddings = embedder == null ? null : cache.embed(embedder,
                        toxicitySlice.stream().map(SiteLabel::text).toList(), done -> { });
                bias.add(bias("site " + site.siteId() + " held-out slice",
                        toxicitySlice.stream().map(SiteLabel::text).toList(),
                        toxicitySlice.stream().map(l -> l.labels().get(Attribute.TOXICITY) >= 0.5).toList(),
                        SiteGate.scores(candidate, toxicitySlice.stream().map(SiteLabel::text).toList(),
                                toxicityEmbeddings)));
            }
        }
        extras.put(BundleFiles.BIAS, bias);
        progress.report("saving the bundle", 0.97);
        Path directory = new BundleWriter().write(dataDir, bundle, headlineFirst(reports), extras);
        return new Result(directory, bundle.at(directory), report, verdict);
    }

    /**
     * Trains a shared bundle from the corpus and saves it without its held-out evaluation, for a first start, which
     * serves the bundle at once: {@link #completeEvaluation} then adds the evaluation. The held-out split is not
     * embedded beside the encoder heads, so they have the cores to themselves. The bundle is the one {@link #run}
     * trains (the manifest names the held-out file among its data files; its held-out figures are empty until the
     * evaluation is complete).
     *
     * @param corpusDir the corpus directory
     * @param dataDir   the data directory the bundle is saved under (and where embeddings are cached)
     * @param embedder  the sentence encoder, or null for a word-only bundle
     * @param progress  told how far the run is
     * @return the saved bundle, without figures
     * @throws IOException when the corpus cannot be read or the bundle cannot be written
     */
    public Result trainUnevaluated(Path corpusDir, Path dataDir, Embedder embedder, TrainingProgress progress)
            throws IOException {
        CorpusReader reader = new CorpusReader();
        CorpusReader.CorpusFile train = reader.read(corpusDir.resolve(CorpusReader.TRAIN_FILE));
        CorpusReader.CorpusFile heldOut = reader.read(corpusDir.resolve(CorpusReader.HELD_OUT_FILE));
        EmbeddingFileCache cache = new EmbeddingFileCache(dataDir.resolve(EMBEDDINGS_DIR));
        ModelBundle trained = new BundleTrainer(settings).train(train.comments(), null, List.of(train.file()), embedder,
                cache, List.of(), (phase, fraction) -> progress.report(phase, 0.97 * fraction));
        progress.report("saving the bundle", 0.97);
        BundleManifest manifest = trained.manifest().withCorpus(List.of(train.file(), heldOut.file()));
        ModelBundle bundle = new ModelBundle(null, manifest, trained.word(), trained.encoder(), trained.combiner());
        Path directory = new BundleWriter().write(dataDir, bundle, List.of(), Map.of());
        return new Result(directory, bundle.at(directory), null, null);
    }

    /**
     * Evaluates a saved shared bundle that has no evaluation yet ({@link #trainUnevaluated}) on the held-out split, as
     * {@link #run} does before saving, and adds the evaluation reports, the bias report and the manifest's held-out
     * figures to its directory.
     *
     * @param corpusDir the corpus directory
     * @param dataDir   the data directory (where embeddings are cached)
     * @param bundle    the saved bundle
     * @param embedder  the sentence encoder the bundle was trained with, or null for a word-only bundle
     * @return its figures on the held-out split
     * @throws IOException when the held-out split cannot be read or the bundle's files cannot be written
     */
    public EvaluationReport completeEvaluation(Path corpusDir, Path dataDir, ModelBundle bundle, Embedder embedder)
            throws IOException {
        if (bundle.manifest().siteId() != null) {
            throw new IllegalArgumentException("bundle " + bundle.version() + " is a site's: its evaluation is the gate's");
        }
        CorpusReader.CorpusFile heldOut = new CorpusReader().read(corpusDir.resolve(CorpusReader.HELD_OUT_FILE));
        float[][] embeddings = embedder == null ? null : new EmbeddingFileCache(dataDir.resolve(EMBEDDINGS_DIR))
                .embed(embedder, heldOut.comments().stream().map(CorpusReader.CorpusComment::text).toList(), done -> { });
        TextClassifier classifier = new TextClassifier(bundle, ScoringSettings.DEFAULT, embedder);
        Map<Evaluator.Scores, EvaluationReport> reports = evaluate(classifier, heldOut, embeddings);
        EvaluationReport report = headlineReport(reports);
        new BundleWriter().addEvaluation(bundle.directory(), bundle.manifest().withHeldOut(headline(report)),
                headlineFirst(reports), Map.of(BundleFiles.BIAS, List.of(heldOutBias(classifier, heldOut, embeddings))));
        return report;
    }

    private static Map<Evaluator.Scores, EvaluationReport> evaluate(TextClassifier classifier,
                                                                    CorpusReader.CorpusFile heldOut,
                                                                    float[][] embeddings) {
        return new Evaluator().evaluateFamilies(classifier, embeddings, "held-out (" + heldOut.file().path() + ")",
                heldOut.labelled());
    }

    /** The report a bundle is known by: the combined verdict's, or the word family's for a word-only bundle. */
    private static EvaluationReport headlineReport(Map<Evaluator.Scores, EvaluationReport> reports) {
        return reports.getOrDefault(Evaluator.Scores.COMBINED, reports.get(Evaluator.Scores.FAST));
    }

    private static List<EvaluationReport> headlineFirst(Map<Evaluator.Scores, EvaluationReport> reports) {
        EvaluationReport headline = headlineReport(reports);
        List<EvaluationReport> all = new ArrayList<>(List.of(headline));
        reports.values().stream().filter(r -> r != headline).forEach(all::add);
        return all;
    }

    /** The manifest's held-out figures: per attribute the ROC AUC, and the topics' top-1 accuracy. */
    private static Map<String, Double> headline(EvaluationReport report) {
        Map<String, Double> headline = new LinkedHashMap<>();
        report.attributes().forEach((attribute, figures) -> headline.put(attribute + ".rocAuc", figures.rocAuc()));
        if (report.topics() != null) {
            headline.put("topics.top1Accuracy", report.topics().top1Accuracy());
        }
        return headline;
    }

    private static Map<String, Object> heldOutBias(TextClassifier classifier, CorpusReader.CorpusFile heldOut,
                                                   float[][] embeddings) {
        List<String> texts = heldOut.comments().stream().map(CorpusReader.CorpusComment::text).toList();
        return bias("corpus held-out split", texts, heldOut.comments().stream()
                .map(c -> c.attributes().get(Attribute.TOXICITY) >= 0.5).toList(),
                SiteGate.scores(classifier, texts, embeddings));
    }

    private static Map<String, Object> bias(String dataset, List<String> texts, List<Boolean> truth, double[][] scores) {
        boolean[] t = new boolean[truth.size()];
        double[] s = new double[truth.size()];
        for (int i = 0; i < t.length; i++) {
            t[i] = truth.get(i);
            s[i] = scores[i][Attribute.TOXICITY.ordinal()];
        }
        return BiasReport.of(dataset, texts, t, s).toJson();
    }

    /**
     * A site label as a training comment: the attributes it judges as labelled, the others as the shared bundle
     * scores them (so a label about toxicity alone does not teach that the comment is no insult), and the shared
     * bundle's main topic.
     */
    private static CorpusReader.CorpusComment siteComment(SiteLabel label, TextClassifier.FamilyBreakdown base) {
        double[] filled = base.fullAttributes() != null ? base.fullAttributes() : base.fastAttributes();
        Map<Attribute, Double> attributes = new EnumMap<>(Attribute.class);
        for (Attribute attribute : Attribute.values()) {
            attributes.put(attribute, label.labels().getOrDefault(attribute, filled[attribute.ordinal()]));
        }
        int top = 0;
        for (int t = 1; t < base.topics().length; t++) {
            if (base.topics()[t] > base.topics()[top]) {
                top = t;
            }
        }
        return new CorpusReader.CorpusComment("site-" + label.id(), CorpusReader.SITE_REGISTER, label.text(), attributes,
                List.of(Topic.values()[top]));
    }

    private static String siteFingerprint(List<SiteLabel> labels) {
        StringBuilder joined = new StringBuilder();
        labels.forEach(l -> joined.append(l.id()).append(':').append(l.labels()).append('\n'));
        return org.apache.commons.codec.digest.DigestUtils.sha256Hex(joined.toString());
    }
}
