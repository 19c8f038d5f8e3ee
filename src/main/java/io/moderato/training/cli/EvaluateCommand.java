package io.moderato.training.cli;

import io.moderato.classification.Attribute;
import io.moderato.classification.ModelBundle;
import io.moderato.classification.ModelStore;
import io.moderato.classification.ScoringSettings;
import io.moderato.classification.TextClassifier;
import io.moderato.embedding.SentenceEncoder;
import io.moderato.embedding.Encoders;
import io.moderato.training.BiasReport;
import io.moderato.training.CorpusReader;
import io.moderato.training.EmbeddingFileCache;
import io.moderato.training.EvaluationReport;
import io.moderato.training.Evaluator;
import io.moderato.training.LabelledText;
import io.moderato.training.PolicyHoldRates;
import io.moderato.training.ReportTable;
import io.moderato.training.SpanEvaluation;
import io.moderato.training.TrainingPipeline;
import io.moderato.training.datasets.BbcNewsArticles;
import io.moderato.training.datasets.JigsawToxicComments;
import io.moderato.training.datasets.OffensiveLanguageTweets;
import io.moderato.training.datasets.ToxicSpansSemEval;
import io.moderato.training.datasets.ToxicSpansTyped;
import io.moderato.training.datasets.TwentyNewsgroups;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * Prints a bundle's figures on the held-out split and on the public data sets found under {@code --datasets-dir},
 * for each model family alone and for the combined verdict: per attribute ROC AUC, PR AUC and F1, topic accuracy,
 * and the character-level F1 of the highlighted spans on the SemEval-2021 Toxic Spans trial file (the task's
 * development split, where span settings are chosen) and train file (where they are measured). Embeddings of
 * every data set are cached in the data directory, so a second run takes seconds.
 */
@Command(name = "evaluate", mixinStandardHelpOptions = true,
        description = "Evaluate a model bundle on the held-out split and on public data sets.")
public final class EvaluateCommand implements Callable<Integer> {

    @Option(names = "--data-dir", defaultValue = "${env:MODERATO_DATA_DIR:-data}", description = "Data directory (default: ${DEFAULT-VALUE}).")
    Path dataDir;

    @Option(names = "--model", description = "Bundle version (default: the live one).")
    String version;

    @Option(names = "--corpus-dir", defaultValue = "training-data", description = "Corpus directory (default: ${DEFAULT-VALUE}).")
    Path corpusDir;

    @Option(names = "--datasets-dir", defaultValue = "../shared/datasets", description = "Public data sets (default: ${DEFAULT-VALUE}).")
    Path datasetsDir;

    @Option(names = "--encoder", defaultValue = "e5-small-v2-q",
            description = "The encoder the bundle was trained on, or 'none' (default: ${DEFAULT-VALUE}).")
    String encoder;

    @Option(names = "--newsgroups", defaultValue = "2000", description = "20 Newsgroups posts to score, spread evenly (default: ${DEFAULT-VALUE}).")
    int newsgroups;

    @Option(names = "--span-min-score", defaultValue = "0.1",
            description = "Spans are shown for attributes scoring at least this, as moderato.classification.span-min-score (default: ${DEFAULT-VALUE}).")
    double spanMinScore;

    @Option(names = "--json", description = "Also write the reports to this JSON file.")
    Path json;

    @Option(names = "--sets", split = ",", defaultValue = "heldout,jigsaw,olid,typed,bbc,20ng,spans",
            description = "Which data sets, comma-separated (default: ${DEFAULT-VALUE}).")
    java.util.Set<String> sets;

    @Override
    public Integer call() throws Exception {
        try (SentenceEncoder sentenceEncoder = Encoders.open(encoder)) {
            ModelStore store = new ModelStore(dataDir, sentenceEncoder == null ? null : sentenceEncoder.identity());
            String chosen = version != null ? version : store.live().orElseThrow(() -> new CommandLine.ParameterException(
                    new CommandLine(this), "no model bundle under " + dataDir + ": run the train command first"));
            ModelBundle bundle = store.load(chosen);
            ScoringSettings defaults = ScoringSettings.DEFAULT;
            TextClassifier classifier = new TextClassifier(bundle, new ScoringSettings(defaults.sentenceMinLength(),
                    spanMinScore, defaults.maxTopics(), defaults.contextWeight()), sentenceEncoder);
            EmbeddingFileCache cache = new EmbeddingFileCache(dataDir.resolve(TrainingPipeline.EMBEDDINGS_DIR));
            List<EvaluationReport> reports = new ArrayList<>();

            CorpusReader.CorpusFile heldOut = new CorpusReader().read(corpusDir.resolve(CorpusReader.HELD_OUT_FILE));
            if (sets.contains("heldout")) {
                evaluate(classifier, sentenceEncoder, cache, "Moderato held-out split", heldOut.labelled(), reports);
            }
            Path jigsaw = datasetsDir.resolve("jigsaw_toxic_train_prefix_sample/train.csv.gz");
            if (sets.contains("jigsaw") && Files.exists(jigsaw)) {
                evaluate(classifier, sentenceEncoder, cache, "Jigsaw train sample", new JigsawToxicComments().read(jigsaw), reports);
            }
            Path olid = datasetsDir.resolve("olid/olid-training-v1.0.tsv.gz");
            if (sets.contains("olid") && Files.exists(olid)) {
                evaluate(classifier, sentenceEncoder, cache, "OLID training set", new OffensiveLanguageTweets().read(olid), reports);
            }
            Path typed = datasetsDir.resolve("toxic_spans_acl2022_typed");
            if (sets.contains("typed") && Files.isDirectory(typed)) {
                evaluate(classifier, sentenceEncoder, cache, "Toxic Spans typed (Civil Comments)", new ToxicSpansTyped().read(typed), reports);
            }
            Path bbc = datasetsDir.resolve("bbc_news/bbc_news.csv.gz");
            if (sets.contains("bbc") && Files.exists(bbc)) {
                evaluate(classifier, sentenceEncoder, cache, "BBC News topics", new BbcNewsArticles().read(bbc), reports);
            }
            Path twenty = datasetsDir.resolve("20newsgroups/20ng_bydate_train.csv.gz");
            if (sets.contains("20ng") && Files.exists(twenty)) {
                evaluate(classifier, sentenceEncoder, cache, "20 Newsgroups topics",
                        new TwentyNewsgroups().read(twenty, newsgroups), reports);
            }
            System.out.print(ReportTable.format(reports));
            boolean full = sentenceEncoder != null && bundle.hasEncoder();
            System.out.printf("%n== The default policy's review thresholds (any attribute at or above its own), %s mode%n",
                    full ? "full" : "fast");
            policyLines.forEach(System.out::println);
            System.out.printf("%n== Unintended bias of the toxicity score, %s mode (Borkan et al. 2019; BPSN is low when mere "
                    + "mentions of a group score high, BNSP when abuse of it is missed)%n", full ? "full" : "fast");
            biasLines.forEach(System.out::println);
            if (sets.contains("spans")) {
                // The trial file is the task's development split, where span settings are chosen; the train file, ten
                // times larger, reports the figure.
                for (String file : List.of("tsd_trial.csv.gz", "tsd_train.csv.gz")) {
                    Path spans = datasetsDir.resolve("toxic_spans_semeval2021").resolve(file);
                    if (!Files.exists(spans)) {
                        continue;
                    }
                    List<ToxicSpansSemEval.Post> posts = new ToxicSpansSemEval().read(spans);
                    float[][] embeddings = full
                            ? cache.embed(sentenceEncoder, posts.stream().map(ToxicSpansSemEval.Post::text).toList(), done -> { })
                            : null;
                    SpanEvaluation.Result result = new SpanEvaluation().evaluate(classifier, posts, embeddings);
                    System.out.printf(Locale.ROOT, "%n== Toxic Spans (SemEval-2021 Task 5) %s — %d posts, %s mode, spans from %.3f%n"
                                    + "toxicity span character F1 %.3f (posts with gold spans %.3f, without %.3f)%n",
                            file, posts.size(), full ? "full" : "fast", spanMinScore, result.f1(), result.f1WithGold(),
                            result.f1WithoutGold());
                }
            }
            if (json != null) {
                ModelBundle.JSON.writeValue(json.toFile(), reports);
            }
        }
        return 0;
    }

    private final List<String> policyLines = new ArrayList<>();
    private final List<String> biasLines = new ArrayList<>();

    private void evaluate(TextClassifier classifier, SentenceEncoder encoder, EmbeddingFileCache cache, String name,
                          List<LabelledText> data, List<EvaluationReport> reports) throws java.io.IOException {
        float[][] embeddings = null;
        if (encoder != null && classifier.bundle().hasEncoder()) {
            long start = System.nanoTime();
            embeddings = cache.embed(encoder, data.stream().map(LabelledText::text).toList(), done -> { });
            System.err.printf(Locale.ROOT, "%s: %d texts embedded (or read from the cache) in %.0f s%n", name,
                    data.size(), (System.nanoTime() - start) / 1e9);
        }
        reports.addAll(new Evaluator().evaluateFamilies(classifier, embeddings, name, data).values());
        ServedToxicity served = ServedToxicity.of(classifier, embeddings, data);
        if (served.texts().isEmpty()) {
            return;
        }
        PolicyHoldRates.Result held = new PolicyHoldRates().measure(served.toxic(), served.verdicts(),
                io.moderato.policy.SitePolicy.defaults());
        policyLines.add(String.format(Locale.ROOT, "%-40s holds %5.1f%% of toxic texts, %5.1f%% of the others (precision %.2f)",
                name, 100 * held.toxicHeld(), 100 * held.nonToxicHeld(), held.precision()));
        biasLines.addAll(biasLines(name, served));
    }

    /**
     * The texts of a data set labelled for toxicity, their labels and the scores the bundle serves them (full mode
     * when there are embeddings), scored once for both the policy's hold rates and the bias report.
     *
     * @param texts    the texts labelled for toxicity
     * @param toxic    per text, its label
     * @param verdicts per text, the served attribute scores in {@link Attribute} order
     */
    private record ServedToxicity(List<String> texts, boolean[] toxic, double[][] verdicts) {

        static ServedToxicity of(TextClassifier classifier, float[][] embeddings, List<LabelledText> data) {
            List<String> texts = new ArrayList<>();
            List<Boolean> toxic = new ArrayList<>();
            List<double[]> verdicts = new ArrayList<>();
            for (int i = 0; i < data.size(); i++) {
                Boolean label = data.get(i).attributes().get(Attribute.TOXICITY);
                if (label == null) {
                    continue;
                }
                TextClassifier.FamilyBreakdown scored = classifier.breakdown(data.get(i).text(),
                        embeddings == null ? null : embeddings[i]);
                texts.add(data.get(i).text());
                toxic.add(label);
                verdicts.add(scored.fullAttributes() != null ? scored.fullAttributes() : scored.fastAttributes());
            }
            boolean[] labels = new boolean[toxic.size()];
            for (int i = 0; i < labels.length; i++) {
                labels[i] = toxic.get(i);
            }
            return new ServedToxicity(texts, labels, verdicts.toArray(double[][]::new));
        }
    }

    /** The bias report of the served toxicity score: its summary, then the three subgroups with the lowest BPSN AUC. */
    private static List<String> biasLines(String name, ServedToxicity served) {
        int toxicity = Attribute.TOXICITY.ordinal();
        double[] scores = new double[served.verdicts().length];
        for (int i = 0; i < scores.length; i++) {
            scores[i] = served.verdicts()[i][toxicity];
        }
        BiasReport report = BiasReport.of(name, served.texts(), served.toxic(), scores);
        List<String> lines = new ArrayList<>();
        lines.add(String.format(Locale.ROOT, "%-40s final %.3f: overall %.3f, subgroup %.3f, BPSN %.3f, BNSP %.3f "
                        + "(generalised means over %d subgroups)", name, report.finalScore(), report.overallAuc(),
                report.meanSubgroupAuc(), report.meanBpsnAuc(), report.meanBnspAuc(), report.subgroups().size()));
        report.subgroups().stream()
                .filter(g -> !Double.isNaN(g.bpsnAuc()))
                .sorted(Comparator.comparingDouble(BiasReport.Subgroup::bpsnAuc))
                .limit(3)
                .forEach(g -> lines.add(String.format(Locale.ROOT, "%-40s   %-22s %5d mentions, %4d toxic: subgroup %.3f, "
                        + "BPSN %.3f, BNSP %.3f", "", g.name(), g.size(), g.positives(), g.subgroupAuc(), g.bpsnAuc(),
                        g.bnspAuc())));
        return lines;
    }

    /** @param args command-line arguments, see {@code --help} */
    public static void main(String[] args) {
        System.exit(new CommandLine(new EvaluateCommand()).execute(args));
    }
}
