package io.moderato.training;

import com.oracle.labs.mlrg.olcut.provenance.Provenance;
import com.oracle.labs.mlrg.olcut.provenance.primitives.IntProvenance;
import com.oracle.labs.mlrg.olcut.provenance.primitives.StringProvenance;
import io.moderato.classification.Attribute;
import io.moderato.classification.BinaryHead;
import io.moderato.classification.BundleManifest;
import io.moderato.classification.CommentInput;
import io.moderato.classification.EncoderModel;
import io.moderato.classification.FeatureExtractor;
import io.moderato.classification.Features;
import io.moderato.classification.Lexicon;
import io.moderato.classification.LinearMultiLabelModel;
import io.moderato.classification.ModelBundle;
import io.moderato.classification.ScoreCombiner;
import io.moderato.classification.Topic;
import io.moderato.classification.TopicHead;
import io.moderato.classification.WordModel;
import io.moderato.embedding.Embedder;
import io.moderato.text.NormalizedText;
import io.moderato.text.TextNormalizer;
import org.tribuo.Example;
import org.tribuo.Feature;
import org.tribuo.ImmutableFeatureMap;
import org.tribuo.ImmutableOutputInfo;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.MutableFeatureMap;
import org.tribuo.Output;
import org.tribuo.RealInfo;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.classification.liblinear.LibLinearClassificationTrainer;
import org.tribuo.classification.liblinear.LinearClassificationType;
import org.tribuo.dataset.DatasetView;
import org.tribuo.impl.ArrayExample;
import org.tribuo.multilabel.MultiLabel;
import org.tribuo.multilabel.MultiLabelFactory;
import org.tribuo.multilabel.sgd.linear.LinearSGDTrainer;
import org.tribuo.multilabel.sgd.objectives.BinaryCrossEntropy;
import org.tribuo.provenance.SimpleDataSourceProvenance;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.function.IntFunction;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Trains a model bundle from corpus comments. The training comments are split (by the seed) into a fit part and a
 * validation part. On the fit part: the word family (hashed features kept when enough comments share them, Tribuo
 * linear multi-label models with a logistic loss for attributes, learning each attribute's share of raters (see
 * {@link #attributeLabels}), and for topics) and, when an encoder is given, the
 * encoder family (LibLinear L2-regularised logistic regression per attribute, and a multi-class one for the main
 * topic, which also learns from the IPTC definitions of the topics). On the validation part, which neither family
 * saw, with the word family's attribute scores taken from word models trained without each comment's register (see
 * {@link #outOfRegisterWordScores}): the combiner (a stacked logistic regression per attribute over both families'
 * log-odds, and a word-only one), the topic mixing weight, and per-label thresholds for the best F1. Same data and
 * settings give the same models.
 */
public final class BundleTrainer {

    private static final MultiLabelFactory MULTI_LABELS = new MultiLabelFactory();
    private static final int HEAD_MAX_ITERATIONS = 1000;
    private static final double HEAD_TOLERANCE = 0.01;
    private static final LabelFactory LABELS = new LabelFactory();
    private static final DateTimeFormatter VERSION_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);
    private static final int CALIBRATION_BINS = 10;
    /** Precision on the validation split at which the manifest suggests holding for review. */
    static final double REVIEW_PRECISION = 0.85;
    /** Precision on the validation split at which the manifest suggests rejecting outright. */
    static final double REJECT_PRECISION = 0.98;
    /** Rater fractions from here to {@link #DISAGREEMENT_HIGH} mean the raters disagreed. */
    static final double DISAGREEMENT_LOW = 0.25;
    /** See {@link #DISAGREEMENT_LOW}. */
    static final double DISAGREEMENT_HIGH = 0.75;

    private final TrainingSettings settings;
    private final Lexicon lexicon;
    private final TextNormalizer normalizer = new TextNormalizer();
    private final FeatureExtractor extractor;

    /**
     * @param settings how to train
     * @param lexicon  the word classes the word family reads (the bundle keeps a copy)
     */
    public BundleTrainer(TrainingSettings settings, Lexicon lexicon) {
        this.settings = settings;
        this.lexicon = lexicon;
        this.extractor = new FeatureExtractor(settings.features(), lexicon);
    }

    /** @param settings how to train, with the lexicon that ships with Moderato */
    public BundleTrainer(TrainingSettings settings) {
        this(settings, Lexicon.builtIn());
    }

    /**
     * @param comments the training comments
     * @param corpus   the files they came from, recorded in the bundle's provenance
     * @param embedder the sentence encoder, or null for a word-only bundle
     * @param cache    where corpus embeddings are kept between runs
     * @param progress told how far training is
     * @return the trained, not yet saved, bundle
     * @throws IOException when the embedding cache cannot be used
     */
    public ModelBundle train(List<CorpusReader.CorpusComment> comments, List<BundleManifest.DataFile> corpus,
                             Embedder embedder, EmbeddingFileCache cache, TrainingProgress progress) throws IOException {
        return train(comments, null, corpus, embedder, cache, progress);
    }

    /**
     * Same as {@link #train(List, List, Embedder, EmbeddingFileCache, TrainingProgress)}, with some comments
     * counting more: a comment with weight k joins the families' training data k times (never the validation split,
     * where it is counted once, so the combiner and thresholds see the data as it is).
     *
     * @param comments the training comments
     * @param weights  per comment how many times it counts (1 or more), or null for once each
     * @param corpus   the files they came from, recorded in the bundle's provenance
     * @param embedder the sentence encoder, or null for a word-only bundle
     * @param cache    where corpus embeddings are kept between runs
     * @param progress told how far training is
     * @return the trained, not yet saved, bundle
     * @throws IOException when the embedding cache cannot be used
     */
    public ModelBundle train(List<CorpusReader.CorpusComment> comments, int[] weights,
                             List<BundleManifest.DataFile> corpus, Embedder embedder, EmbeddingFileCache cache,
                             TrainingProgress progress) throws IOException {
        return train(comments, weights, corpus, embedder, cache, List.of(), progress);
    }

    /**
     * Same as {@link #train(List, int[], List, Embedder, EmbeddingFileCache, TrainingProgress)}, and embeds into
     * the cache texts the caller will want next (the held-out split it evaluates on). A shared bundle embeds them
     * on the corpus-embedding thread once the corpus is done, while the encoder heads train on one core; the
     * caller's own {@link EmbeddingFileCache#embed} of them then waits for that to finish and finds them all.
     *
     * @param comments the training comments
     * @param weights  per comment how many times it counts (1 or more), or null for once each
     * @param corpus   the files they came from, recorded in the bundle's provenance
     * @param embedder the sentence encoder, or null for a word-only bundle
     * @param cache    where corpus embeddings are kept between runs
     * @param embedAfter texts to embed into the cache after the corpus, when the trainer embeds on a thread of its own
     * @param progress told how far training is
     * @return the trained, not yet saved, bundle
     * @throws IOException when the embedding cache cannot be used
     */
    public ModelBundle train(List<CorpusReader.CorpusComment> comments, int[] weights,
                             List<BundleManifest.DataFile> corpus, Embedder embedder, EmbeddingFileCache cache,
                             List<String> embedAfter, TrainingProgress progress) throws IOException {
        if (comments.isEmpty()) {
            throw new IllegalArgumentException("no training comments");
        }
        // The corpus is embedded on a thread of its own while the corpus is read and the word family trains: ONNX
        // Runtime's batches leave part of the two cores idle (tokenising, pooling, the gaps between runs), and the
        // single-threaded word training fills them; each side computes what it would alone, so the bundle is the
        // same. A site's bundle embeds after the word family instead: its heap grows with the site's labels, and the
        // word family's data is let go before the embeddings are held.
        List<String> texts = comments.stream().map(CorpusReader.CorpusComment::text).toList();
        boolean siteLabels = comments.stream().anyMatch(c -> CorpusReader.SITE_REGISTER.equals(c.register()));
        AtomicBoolean awaitingEmbeddings = new AtomicBoolean();
        List<String> definitionTexts = topicDefinitions().stream().map(d -> d[1] + ": " + d[2]).toList();
        // The topic definitions go with the corpus: once the corpus is done, the thread may hold the cache for the
        // texts to embed after it while the heads train.
        Callable<CorpusEmbeddings> embedCorpus = () -> new CorpusEmbeddings(
                cache.embed(embedder, texts, done -> {
                    if (awaitingEmbeddings.get()) {
                        progress.report("embedding the corpus (" + Math.round(done * texts.size()) + " of "
                                + texts.size() + ")", 0.35 + 0.4 * done);
                    }
                }),
                cache.embed(embedder, definitionTexts, done -> { }));
        ExecutorService embedding = embedder == null || siteLabels ? null : Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, "corpus-embedding");
            thread.setDaemon(true);
            return thread;
        });
        List<NormalizedText> normalized;
        List<Integer> validation;
        List<Integer> fit;
        Map<String, Provenance> run;
        WordModel word;
        Map<Integer, double[]> outOfRegister;
        EncoderModel encoder = null;
        float[][] embeddings = null;
        boolean trained = false;
        try {
            Future<CorpusEmbeddings> pendingEmbeddings = embedding == null ? null : embedding.submit(embedCorpus);
            if (embedding != null && !embedAfter.isEmpty()) {
                embedding.submit(() -> cache.embed(embedder, embedAfter, done -> { }));
            }

            progress.report("reading the corpus", 0.0);
            normalized = comments.stream().map(c -> normalizer.normalize(c.text())).toList();
            // Training reads names and values only; for a long comment the record of where each feature came from
            // takes more room than the rest (a site's labels and the corpus together are some 40,000 texts).
            List<Features> features = normalized.stream().map(extractor::extract).map(Features::withoutOccurrences)
                    .toList();
            Set<String> kept = frequentFeatures(features);

            List<Integer> order = shuffled(comments.size(), settings);
            int validationSize = validationSize(comments.size(), settings);
            validation = List.copyOf(order.subList(0, validationSize));
            fit = new ArrayList<>();
            for (int row : order.subList(validationSize, order.size())) {
                for (int copy = 0; copy < (weights == null ? 1 : weights[row]); copy++) {
                    fit.add(row);
                }
            }
            run = runProvenance(corpus, embedder);
            String description = describe(corpus);

            progress.report("training the word model", 0.05);
            WordData attributeData = wordData(comments, features, kept, fit, BundleTrainer::attributeLabels, description);
            MutableDataset<MultiLabel> topicData =
                    wordData(comments, features, kept, fit, BundleTrainer::topicLabels, description).dataset();
            // Every comment's features are in the two data sets now (each example holds its own copy of those kept):
            // let them go before the word family trains. With a site's labels the heap peaks in the topic model's
            // training; this took about 90 MB off that peak (some 840 MB live for the corpus of 29,331 comments and
            // OLID's 13,240 tweets as a site's labels).
            features = null;
            kept = null;
            LinearMultiLabelModel wordAttributes = new LinearMultiLabelModel(wordTrainer().train(attributeData.dataset(), run),
                    ModelBundle.ATTRIBUTE_LABELS);
            progress.report("training the word topic model", 0.2);
            LinearMultiLabelModel wordTopics = new LinearMultiLabelModel(wordTopicTrainer().train(topicData, run),
                    ModelBundle.TOPIC_LABELS);
            topicData = null;
            word = new WordModel(settings.features(), lexicon, wordAttributes, wordTopics,
                    io.moderato.classification.ScoringSettings.DEFAULT.sentenceMinLength());
            progress.report("scoring the validation split with word models that never saw its registers", 0.25);
            outOfRegister = outOfRegisterWordScores(comments, normalized, attributeData, validation, run, word.topicModel());
            // The word family's data set is no longer needed either: let it go before the encoder's training, which
            // needs the room.
            attributeData = null;

            if (embedder != null) {
                awaitingEmbeddings.set(true);
                progress.report("embedding the corpus", 0.35);
                CorpusEmbeddings embedded = await(pendingEmbeddings != null ? pendingEmbeddings : runHere(embedCorpus),
                        "embedding the corpus");
                embeddings = embedded.corpus();
                int atOnce = headsAtOnce(fit.size(), embedder.identity().dimensions());
                progress.report("training the encoder heads (" + atOnce + " at a time)", 0.75);
                encoder = fitEncoder(comments, embeddings, fit, embedded.definitions(), embedder, description, run,
                        atOnce);
            }
            trained = true;
        } finally {
            if (embedding != null) {
                // After a failure nothing more is wanted from the thread; after success it may still be embedding the
                // texts asked for after the corpus, which the caller is about to read.
                if (trained) {
                    embedding.shutdown();
                } else {
                    embedding.shutdownNow();
                }
            }
        }

        double[][] wordScores = new double[validation.size()][];
        double[][] encoderScores = new double[validation.size()][];
        double[][] wordTopicScores = new double[validation.size()][];
        double[][] encoderTopicScores = new double[validation.size()][];
        for (int i = 0; i < validation.size(); i++) {
            int row = validation.get(i);
            CommentInput input = new CommentInput(normalized.get(row), null,
                    embeddings == null ? null : embeddings[row], null);
            wordScores[i] = outOfRegister.containsKey(row) ? outOfRegister.get(row) : word.attributes(input);
            wordTopicScores[i] = word.topics(input);
            if (encoder != null) {
                encoderScores[i] = encoder.attributes(input);
                encoderTopicScores[i] = encoder.topics(input);
            }
        }
        progress.report("fitting the combiner on the validation split", 0.9);
        Attribute[] attributes = Attribute.values();
        List<BinaryHead> stacked = new ArrayList<>();
        List<BinaryHead> wordOnly = new ArrayList<>();
        Map<String, Double> fullThresholds = new LinkedHashMap<>();
        Map<String, Double> fastThresholds = new LinkedHashMap<>();
        Map<String, BundleManifest.Calibration> calibration = new LinkedHashMap<>();
        Map<String, BundleManifest.PrecisionThresholds> precisionThresholds = new LinkedHashMap<>();
        for (Attribute attribute : attributes) {
            int a = attribute.ordinal();
            boolean[] truth = new boolean[validation.size()];
            double[] raters = new double[validation.size()];
            double[][] both = new double[validation.size()][];
            double[][] alone = new double[validation.size()][];
            for (int i = 0; i < validation.size(); i++) {
                raters[i] = comments.get(validation.get(i)).attributes().get(attribute);
                truth[i] = raters[i] >= 0.5;
                int tokens = normalized.get(validation.get(i)).tokens().size();
                alone[i] = ScoreCombiner.wordFeatures(wordScores[i][a], tokens);
                both[i] = encoder == null ? alone[i]
                        : ScoreCombiner.stackedFeatures(wordScores[i][a], encoderScores[i][a], tokens);
            }
            BinaryHead wordHead = new BinaryHead(fitBinary(i -> alone[i], raters, false, ScoreCombiner.WORD_FEATURES, 1.0,
                    "word-only calibration of " + attribute.key(), run), ScoreCombiner.WORD_FEATURES);
            wordOnly.add(wordHead);
            BinaryHead stackedHead = encoder == null ? wordHead
                    : new BinaryHead(fitBinary(i -> both[i], raters, false, ScoreCombiner.STACKED_FEATURES, 1.0,
                    "stacked combination of " + attribute.key(), run), ScoreCombiner.STACKED_FEATURES);
            stacked.add(stackedHead);

            double[] fast = new double[truth.length];
            double[] full = new double[truth.length];
            double[] rawWord = new double[truth.length];
            double[] rawEncoder = new double[truth.length];
            for (int i = 0; i < truth.length; i++) {
                fast[i] = wordHead.probability(alone[i]);
                full[i] = stackedHead.probability(both[i]);
                rawWord[i] = wordScores[i][a];
                rawEncoder[i] = encoder == null ? Double.NaN : encoderScores[i][a];
            }
            fastThresholds.put(attribute.key(), Metrics.bestF1Threshold(truth, fast));
            fullThresholds.put(attribute.key(), Metrics.bestF1Threshold(truth, full));
            precisionThresholds.put(attribute.key(), new BundleManifest.PrecisionThresholds(
                    Metrics.thresholdForPrecision(truth, full, REVIEW_PRECISION),
                    Metrics.thresholdForPrecision(truth, full, REJECT_PRECISION)));
            calibration.put(attribute.key(), new BundleManifest.Calibration(
                    Metrics.expectedCalibrationError(truth, rawWord, CALIBRATION_BINS),
                    encoder == null ? Double.NaN : Metrics.expectedCalibrationError(truth, rawEncoder, CALIBRATION_BINS),
                    Metrics.expectedCalibrationError(truth, fast, CALIBRATION_BINS),
                    Metrics.expectedCalibrationError(truth, full, CALIBRATION_BINS)));
        }

        double topicWeight = encoder == null ? 0 : bestTopicWeight(comments, validation, wordTopicScores, encoderTopicScores);
        Map<String, Double> topicThresholds = new LinkedHashMap<>();
        for (Topic topic : Topic.values()) {
            boolean[] truth = new boolean[validation.size()];
            double[] scores = new double[validation.size()];
            for (int i = 0; i < validation.size(); i++) {
                truth[i] = comments.get(validation.get(i)).topics().contains(topic);
                double[] mixed = encoder == null ? wordTopicScores[i]
                        : ScoreCombiner.mix(wordTopicScores[i], encoderTopicScores[i], topicWeight);
                scores[i] = mixed[topic.ordinal()];
            }
            topicThresholds.put(topic.code(), Metrics.bestF1Threshold(truth, scores));
        }
        ScoreCombiner combiner = new ScoreCombiner(stacked, wordOnly, topicWeight);

        Instant createdAt = Instant.now();
        String version = VERSION_TIME.format(createdAt) + "-" + fingerprint(corpus, embedder);
        BundleManifest manifest = new BundleManifest(version, createdAt, settings.features(), lexicon.sha256(),
                encoder == null ? null : encoder.encoder(), fullThresholds, fastThresholds, topicThresholds,
                topicWeight, List.copyOf(corpus), settings.seed(), describeTrainers(), fit.size(), validation.size(),
                calibration, precisionThresholds, Map.of(), null);
        progress.report("trained", 1.0);
        return new ModelBundle(null, manifest, word, encoder, combiner);
    }

    /** Runs the task on this thread, for a result read like one from another thread's. */
    private static <T> Future<T> runHere(Callable<T> task) {
        FutureTask<T> future = new FutureTask<>(task);
        future.run();
        return future;
    }

    /**
     * How many encoder heads may train at once: one per core, as long as the heap has room for their data sets
     * (a copy of every row each, with the disagreement repeats) beside the shared LibLinear nodes of the rows (a
     * node of some 32 bytes per value), with a quarter to spare. With a site's labels on top of the corpus the
     * heap may have room for one.
     */
    static int headsAtOnce(int rows, int dimensions) {
        long dataSet = (long) (rows * 1.2) * dimensions * 13L;
        long nodes = (long) rows * (dimensions + 1) * 32L;
        Runtime runtime = Runtime.getRuntime();
        long free = runtime.maxMemory() - liveHeap();
        int atOnce = runtime.availableProcessors();
        while (atOnce > 1 && (nodes + atOnce * dataSet) * 5 / 4 > free) {
            atOnce--;
        }
        return atOnce;
    }

    /**
     * The heap in use after each pool's last collection: what is live, as near as the JVM tells without collecting
     * (the heap in use now counts the garbage since, which after the word family's training is most of it).
     */
    private static long liveHeap() {
        long live = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && pool.isValid()) {
                MemoryUsage afterCollection = pool.getCollectionUsage();
                live += afterCollection != null ? afterCollection.getUsed() : pool.getUsage().getUsed();
            }
        }
        return live;
    }

    /** The corpus's embeddings and those of the IPTC topic definitions, in {@link #topicDefinitions()} order. */
    private record CorpusEmbeddings(float[][] corpus, float[][] definitions) {
    }

    /**
     * @param pending work on another thread
     * @param what    what it does, for the error
     * @param <T>     its result
     * @return its result
     * @throws IOException what it threw, as it threw it (as are unchecked exceptions and errors)
     */
    private static <T> T await(Future<T> pending, String what) throws IOException {
        try {
            return pending.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while " + what, e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(what + " failed", e.getCause());
        }
    }

    /**
     * The rows {@link #train} keeps for the validation split: the combiner and the thresholds are fitted on them,
     * and neither family sees them.
     *
     * @param size     how many comments the training gets
     * @param settings the settings it trains with (their seed and validation share)
     * @return the validation rows
     */
    public static Set<Integer> validationRows(int size, TrainingSettings settings) {
        return new HashSet<>(shuffled(size, settings).subList(0, validationSize(size, settings)));
    }

    private static List<Integer> shuffled(int size, TrainingSettings settings) {
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            order.add(i);
        }
        Collections.shuffle(order, new Random(settings.seed()));
        return order;
    }

    private static int validationSize(int size, TrainingSettings settings) {
        return (int) Math.round(size * settings.validationShare());
    }

    private LinearSGDTrainer wordTrainer() {
        return wordTrainer(settings.epochs());
    }

    /**
     * The word topic model (the encoder's topics outweigh it in the mix) trains for half the epochs: long comments
     * make every word-family pass costly, and its last passes change its scores little.
     */
    private LinearSGDTrainer wordTopicTrainer() {
        return wordTrainer(Math.max(1, settings.epochs() / 2));
    }

    /**
     * The five word models that only score the validation split for the combiner train for a quarter of the epochs.
     * Measured on corpus p1-p26 against half: the combined verdict's figures on the held-out split and the public
     * sets moved by 0.001 at most, and the first start's word family, which shares the cores with the corpus's
     * embedding, took some 15 s less (the service live after 132 s instead of 149 s). An eighth (one epoch) left the
     * public figures where they were on corpus p1-p36 (session 13) but saved only 4 s of a core, and a model that
     * has seen the data once still scores a comment of words it never saw at its prior, not below it.
     */
    private LinearSGDTrainer outOfRegisterTrainer() {
        return wordTrainer(Math.max(1, settings.epochs() / 4));
    }

    private LinearSGDTrainer wordTrainer(int epochs) {
        return new LinearSGDTrainer(new BinaryCrossEntropy(), new FeatureMajorAdaGrad(settings.learningRate(), 1e-6),
                epochs, Integer.MAX_VALUE, 1, settings.seed());
    }

    private LibLinearClassificationTrainer headTrainer(double cost) {
        return new LibLinearClassificationTrainer(
                new LinearClassificationType(LinearClassificationType.LinearType.L2R_LR), cost, HEAD_MAX_ITERATIONS,
                HEAD_TOLERANCE, settings.seed());
    }

    /** Softmax regression by SGD: one model for the 17 topics, far quicker than LibLinear's one-vs-rest. */
    private org.tribuo.classification.sgd.linear.LinearSGDTrainer topicTrainer() {
        return new org.tribuo.classification.sgd.linear.LinearSGDTrainer(
                new org.tribuo.classification.sgd.objectives.LogMulticlass(), new FeatureMajorAdaGrad(settings.learningRate(), 1e-6),
                settings.epochs(), Integer.MAX_VALUE, 1, settings.seed());
    }

    private String describeTrainers() {
        return "word family: " + wordTrainer() + "; word topics: " + wordTopicTrainer()
                + "; out-of-register scoring: " + outOfRegisterTrainer()
                + "; encoder attribute heads: " + headTrainer(settings.headCost())
                + "; encoder topic head: " + topicTrainer() + "; combiner: " + headTrainer(1.0);
    }

    /** Hashed features present in at least {@code minDocumentFrequency} comments. */
    private Set<String> frequentFeatures(List<Features> features) {
        Map<String, Integer> documentFrequency = new HashMap<>();
        for (Features f : features) {
            for (String name : f.names()) {
                documentFrequency.merge(name, 1, Integer::sum);
            }
        }
        return documentFrequency.entrySet().stream()
                .filter(e -> e.getValue() >= settings.minDocumentFrequency())
                .map(Map.Entry::getKey)
                .collect(Collectors.toCollection(HashSet::new));
    }

    /** A word-family training set and, per example, the comment it came from. */
    private record WordData(MutableDataset<MultiLabel> dataset, int[] rows) {
    }

    private WordData wordData(List<CorpusReader.CorpusComment> comments, List<Features> features, Set<String> kept,
                              List<Integer> rows, Function<CorpusReader.CorpusComment, MultiLabel> labels,
                              String description) {
        MutableDataset<MultiLabel> dataset = new MutableDataset<>(
                new SimpleDataSourceProvenance(description, OffsetDateTime.now(ZoneOffset.UTC), MULTI_LABELS), MULTI_LABELS);
        int[] sources = new int[rows.size()];
        for (int row : rows) {
            Example<MultiLabel> example = wordExample(labels.apply(comments.get(row)), features.get(row), kept);
            if (example.size() > 0) {
                sources[dataset.size()] = row;
                addLean(dataset, example);
            }
        }
        return new WordData(dataset, Arrays.copyOf(sources, dataset.size()));
    }

    private Model<MultiLabel> fitWordTopics(List<CorpusReader.CorpusComment> comments, List<Features> features,
                                            Set<String> kept, List<Integer> rows, String description,
                                            Map<String, Provenance> run) {
        return wordTopicTrainer().train(
                wordData(comments, features, kept, rows, BundleTrainer::topicLabels, description).dataset(), run);
    }

    /**
     * The word family's attribute scores of the validation comments as a site's comments will get them: each from a
     * word model trained without the comment's register (news, social, forum, talk or chat). The word model knows the
     * corpus's vocabulary and style far better than it knows a new site's; scored by the model trained on every
     * register, the validation split would tell the combiner and the thresholds to trust it as much as on the corpus
     * itself, and on real comments it is weaker (on the Jigsaw sample the stacked verdict then fell below the encoder
     * alone). Each model trains on a view of the word model's own training data, sharing its feature map, one at a
     * time, and is dropped once it has scored its register. A site's own labels ({@link CorpusReader#SITE_REGISTER})
     * keep the full model's scores: the site's comments are what its bundle serves, and the word model learns from
     * them. So does a register whose validation comments have no other register to learn from.
     *
     * @return validation row to its out-of-register attribute scores
     */
    private Map<Integer, double[]> outOfRegisterWordScores(List<CorpusReader.CorpusComment> comments,
                                                          List<NormalizedText> normalized, WordData fitData,
                                                          List<Integer> validation, Map<String, Provenance> run,
                                                          LinearMultiLabelModel topics) {
        Map<String, List<Integer>> validationByRegister = new TreeMap<>();
        for (int row : validation) {
            String register = registerOf(comments.get(row));
            if (!register.equals(CorpusReader.SITE_REGISTER)) {
                validationByRegister.computeIfAbsent(register, r -> new ArrayList<>()).add(row);
            }
        }
        Map<Integer, double[]> scores = new HashMap<>();
        if (validationByRegister.size() < 2) {
            return scores;
        }
        ImmutableFeatureMap featureIds = new ImmutableFeatureMap(fitData.dataset().getFeatureMap());
        ImmutableOutputInfo<MultiLabel> outputIds = fitData.dataset().getOutputIDInfo();
        validationByRegister.forEach((register, rows) -> {
            int[] others = IntStream.range(0, fitData.rows().length)
                    .filter(i -> !registerOf(comments.get(fitData.rows()[i])).equals(register)).toArray();
            if (others.length == 0 || others.length == fitData.rows().length) {
                return;
            }
            DatasetView<MultiLabel> view = new DatasetView<>(fitData.dataset(), others, featureIds, outputIds,
                    "without the " + register + " register");
            view.setStoreIndices(false);
            LinearMultiLabelModel attributes = new LinearMultiLabelModel(outOfRegisterTrainer().train(view, run),
                    ModelBundle.ATTRIBUTE_LABELS);
            WordModel without = new WordModel(settings.features(), lexicon, attributes, topics,
                    io.moderato.classification.ScoringSettings.DEFAULT.sentenceMinLength());
            for (int row : rows) {
                scores.put(row, without.attributes(new CommentInput(normalized.get(row), null, null, null)));
            }
        });
        return scores;
    }

    /**
     * {@link #outOfRegisterWordScores} on its own, for tests: the word family trained on {@code fit}, then the
     * validation comments scored without their registers.
     */
    Map<Integer, double[]> outOfRegisterWordScores(List<CorpusReader.CorpusComment> comments, List<Integer> fit,
                                                   List<Integer> validation) {
        List<NormalizedText> normalized = comments.stream().map(c -> normalizer.normalize(c.text())).toList();
        List<Features> features = normalized.stream().map(extractor::extract).map(Features::withoutOccurrences).toList();
        Set<String> kept = frequentFeatures(features);
        LinearMultiLabelModel topics = new LinearMultiLabelModel(fitWordTopics(comments, features, kept, fit, "test",
                Map.of()), ModelBundle.TOPIC_LABELS);
        return outOfRegisterWordScores(comments, normalized,
                wordData(comments, features, kept, fit, BundleTrainer::attributeLabels, "test"), validation, Map.of(),
                topics);
    }

    private static String registerOf(CorpusReader.CorpusComment comment) {
        return comment.register() == null ? "" : comment.register();
    }

    private EncoderModel fitEncoder(List<CorpusReader.CorpusComment> comments, float[][] embeddings, List<Integer> fit,
                                    float[][] definitionEmbeddings, Embedder embedder, String description,
                                    Map<String, Provenance> run, int atOnce) throws IOException {
        int dimensions = embedder.identity().dimensions();
        List<String> names = EncoderModel.featureNames(dimensions);
        // A row's features are made from its float embedding when an example is built (a Tribuo example keeps its
        // own copy): no second, double-precision copy of every training row (and of every weighted repeat) is kept.
        IntFunction<double[]> x = i -> toDouble(embeddings[fit.get(i)]);
        SharedRowsTrainer.Rows rows = new SharedRowsTrainer.Rows(fit.size());
        List<Callable<BinaryHead>> headTasks = new ArrayList<>();
        for (Attribute attribute : Attribute.values()) {
            headTasks.add(() -> {
                double[] truth = new double[fit.size()];
                for (int i = 0; i < fit.size(); i++) {
                    truth[i] = comments.get(fit.get(i)).attributes().get(attribute);
                }
                return new BinaryHead(fitHead(x, truth, names, rows,
                        "encoder head for " + attribute.key() + " on " + description, run), names);
            });
        }
        Callable<TopicHead> topicTask = () -> {
            MutableDataset<Label> topics = new MutableDataset<>(new SimpleDataSourceProvenance(
                    "main topic of " + description + " and the IPTC topic definitions", OffsetDateTime.now(ZoneOffset.UTC),
                    LABELS), LABELS);
            String[] nameArray = names.toArray(String[]::new);
            for (int i = 0; i < fit.size(); i++) {
                Label main = new Label(comments.get(fit.get(i)).topics().get(0).code());
                addLean(topics, new ArrayExample<>(main, nameArray, x.apply(i)));
            }
            List<String[]> definitions = topicDefinitions();
            for (int copy = 0; copy < settings.definitionCopies(); copy++) {
                for (int d = 0; d < definitions.size(); d++) {
                    addLean(topics, new ArrayExample<>(new Label(definitions.get(d)[0]), nameArray,
                            toDouble(definitionEmbeddings[d])));
                }
            }
            return new TopicHead(topicTrainer().train(topics, run), names);
        };
        // Each head's training holds its own data set (a copy of every row) beside the rows' LibLinear nodes, which
        // the attribute heads share: heads train side by side, as many at once as there are cores and the heap has
        // room for their data sets.
        ExecutorService pool = atOnce <= 1 ? null : Executors.newFixedThreadPool(atOnce, runnable -> {
            Thread thread = new Thread(runnable, "encoder-heads");
            thread.setDaemon(true);
            return thread;
        });
        List<BinaryHead> heads = new ArrayList<>();
        TopicHead topicHead;
        try {
            Future<TopicHead> topic = pool == null ? runHere(topicTask) : pool.submit(topicTask);
            List<Future<BinaryHead>> pending = new ArrayList<>();
            for (Callable<BinaryHead> task : headTasks) {
                pending.add(pool == null ? runHere(task) : pool.submit(task));
            }
            for (Future<BinaryHead> head : pending) {
                heads.add(await(head, "training an encoder head"));
            }
            topicHead = await(topic, "training the encoder's topic head");
        } finally {
            if (pool != null) {
                pool.shutdownNow();
            }
        }
        return new EncoderModel(embedder.identity(), heads, topicHead);
    }

    /**
     * A logistic regression on rater fractions: a comment counts as positive when at least half the raters marked
     * it. With {@code soft}, a comment raters disagreed on (between {@value #DISAGREEMENT_LOW} and
     * {@value #DISAGREEMENT_HIGH}) joins a second time with the opposite label, so the model learns to put it in
     * between (the encoder heads); the calibrating combiner learns from the majority alone, so that its probability
     * is the chance that most raters would mark the comment.
     */
    private Model<Label> fitBinary(IntFunction<double[]> x, double[] raters, boolean soft, List<String> names, double cost,
                                   String description, Map<String, Provenance> run) {
        return headTrainer(cost).train(binaryData(x, raters, soft, names, description).dataset(), run);
    }

    /**
     * An encoder head: {@link #fitBinary} with the disagreement repeats, by the {@link #headTrainer} at the heads'
     * cost, sharing the LibLinear nodes of {@code rows} with the other heads.
     */
    private Model<Label> fitHead(IntFunction<double[]> x, double[] raters, List<String> names,
                                 SharedRowsTrainer.Rows rows, String description, Map<String, Provenance> run) {
        BinaryData data = binaryData(x, raters, true, names, description);
        return new SharedRowsTrainer(new LinearClassificationType(LinearClassificationType.LinearType.L2R_LR),
                settings.headCost(), HEAD_MAX_ITERATIONS, HEAD_TOLERANCE, settings.seed(), rows, data.rowOfExample())
                .train(data.dataset(), run);
    }

    /**
     * A binary data set and, per example, the row of {@code x} it holds.
     *
     * @param dataset      the examples
     * @param rowOfExample per example, in order, its row
     */
    private record BinaryData(MutableDataset<Label> dataset, int[] rowOfExample) {
    }

    private static BinaryData binaryData(IntFunction<double[]> x, double[] raters, boolean soft, List<String> names,
                                         String description) {
        int positives = 0;
        for (double r : raters) {
            positives += r >= 0.5 ? 1 : 0;
        }
        if (positives == 0 || positives == raters.length) {
            throw new IllegalArgumentException("cannot fit the " + description + ": the data has "
                    + (positives == 0 ? "no positive" : "no negative") + " example; add labelled comments");
        }
        MutableDataset<Label> dataset = new MutableDataset<>(
                new SimpleDataSourceProvenance(description, OffsetDateTime.now(ZoneOffset.UTC), LABELS), LABELS);
        String[] nameArray = names.toArray(String[]::new);
        Label positive = new Label(BinaryHead.POSITIVE);
        Label negative = new Label(BinaryHead.NEGATIVE);
        int[] rowOfExample = new int[raters.length * (soft ? 2 : 1)];
        for (int i = 0; i < raters.length; i++) {
            boolean present = raters[i] >= 0.5;
            double[] row = x.apply(i);
            rowOfExample[dataset.size()] = i;
            addLean(dataset, new ArrayExample<>(present ? positive : negative, nameArray, row));
            if (soft && raters[i] >= DISAGREEMENT_LOW && raters[i] <= DISAGREEMENT_HIGH) {
                rowOfExample[dataset.size()] = i;
                addLean(dataset, new ArrayExample<>(present ? negative : positive, nameArray, row));
            }
        }
        return new BinaryData(dataset, Arrays.copyOf(rowOfExample, dataset.size()));
    }

    /**
     * Adds an example to a data set, its features described by {@link RealInfo} (count, minimum, maximum, mean,
     * variance) rather than by Tribuo's default {@code CategoricalInfo}, which counts every distinct value a feature
     * takes: for an embedding's 384 real-valued dimensions that is one map entry per row and dimension (500 MB for
     * 20,000 rows, in every head's data set), and for the word family's features hundreds of MB more. Training reads
     * only the features' names and ids, so the models are the same; the saved models are smaller. The statistics
     * are {@link QuickSaveRealInfo}s, which save without Tribuo's reflection.
     *
     * @param dataset the data set
     * @param example the example to add
     * @param <T>     the output type
     */
    static <T extends Output<T>> void addLean(MutableDataset<T> dataset, Example<T> example) {
        MutableFeatureMap features = dataset.getFeatureMap();
        for (Feature feature : example) {
            if (features.get(feature.getName()) == null) {
                features.put(new QuickSaveRealInfo(feature.getName()));
            }
        }
        dataset.add(example);
    }

    /** The mixing weight (0, 0.1, ..., 1) of the encoder's topic probabilities with the best top-1 accuracy. */
    private static double bestTopicWeight(List<CorpusReader.CorpusComment> comments, List<Integer> validation,
                                          double[][] word, double[][] encoder) {
        double best = 0.5;
        int bestCorrect = -1;
        for (int step = 0; step <= 10; step++) {
            double weight = step / 10.0;
            int correct = 0;
            for (int i = 0; i < validation.size(); i++) {
                double[] mixed = ScoreCombiner.mix(word[i], encoder[i], weight);
                int top = 0;
                for (int t = 1; t < mixed.length; t++) {
                    if (mixed[t] > mixed[top]) {
                        top = t;
                    }
                }
                correct += comments.get(validation.get(i)).topics().contains(Topic.values()[top]) ? 1 : 0;
            }
            if (correct > bestCorrect) {
                bestCorrect = correct;
                best = weight;
            }
        }
        return best;
    }

    /** @return per top-level IPTC topic: code, label and definition */
    static List<String[]> topicDefinitions() {
        try (InputStream in = BundleTrainer.class.getResourceAsStream("iptc-media-topics.tsv")) {
            if (in == null) {
                throw new IllegalStateException("iptc-media-topics.tsv is missing from the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(line -> !line.isBlank() && !line.startsWith("#"))
                    .map(line -> line.split("\t"))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static double[] toDouble(float[] vector) {
        double[] out = new double[vector.length];
        for (int d = 0; d < out.length; d++) {
            out[d] = vector[d];
        }
        return out;
    }

    private Map<String, Provenance> runProvenance(List<BundleManifest.DataFile> corpus, Embedder embedder) {
        Map<String, Provenance> run = new LinkedHashMap<>();
        for (BundleManifest.DataFile file : corpus) {
            run.put("corpus-sha256:" + file.path(), new StringProvenance("corpus-sha256:" + file.path(), file.sha256()));
        }
        run.put("feature-settings", new StringProvenance("feature-settings", settings.features().toString()));
        run.put("min-document-frequency", new IntProvenance("min-document-frequency", settings.minDocumentFrequency()));
        run.put("lexicon-sha256", new StringProvenance("lexicon-sha256", lexicon.sha256()));
        if (embedder != null) {
            run.put("encoder", new StringProvenance("encoder", embedder.identity().toString()));
        }
        return run;
    }

    private static Example<MultiLabel> wordExample(MultiLabel output, Features features, Set<String> kept) {
        String[] names = features.names();
        List<String> keptNames = new ArrayList<>(names.length);
        List<Double> keptValues = new ArrayList<>(names.length);
        for (int i = 0; i < names.length; i++) {
            if (kept.contains(names[i])) {
                keptNames.add(names[i]);
                keptValues.add(features.values()[i]);
            }
        }
        double[] values = keptValues.stream().mapToDouble(Double::doubleValue).toArray();
        return new ArrayExample<>(output, keptNames.toArray(String[]::new), values);
    }

    /**
     * The word family's targets: each attribute the raters marked, scored with the share of raters who marked it.
     * Tribuo's binary cross-entropy reads a label's score as its target (1 when it has none), so a comment three
     * raters in ten would call toxic teaches the model 0.3, not "clean": untargeted swearing and crude jokes, which
     * the corpus rates in between, sit between the clean and the abusive, as the encoder heads' disagreement copies
     * teach them too. Measured on corpus p1-p26 against the majority as a hard label (toxicity ROC AUC): the word
     * family alone 0.854 against 0.839 on the Jigsaw sample and 0.687 against 0.665 on OLID; the combined verdict
     * 0.944 against 0.941 and 0.745 against 0.736; the held-out split unchanged (0.981).
     *
     * @param comment a labelled comment
     * @return its attributes, each with the share of raters as its score
     */
    static MultiLabel attributeLabels(CorpusReader.CorpusComment comment) {
        Set<Label> labels = new HashSet<>();
        for (Attribute attribute : Attribute.values()) {
            double raters = comment.attributes().get(attribute);
            if (raters > 0) {
                labels.add(new Label(attribute.key(), raters));
            }
        }
        return new MultiLabel(labels);
    }

    static MultiLabel topicLabels(CorpusReader.CorpusComment comment) {
        Set<Label> labels = new HashSet<>();
        for (Topic topic : comment.topics()) {
            labels.add(new Label(topic.code()));
        }
        return new MultiLabel(labels);
    }

    private String describe(List<BundleManifest.DataFile> corpus) {
        return "Moderato corpus " + corpus.stream()
                .map(f -> f.path() + " (" + f.rows() + " rows, sha256 " + f.sha256() + ")")
                .collect(Collectors.joining(", ")) + "; features " + settings.features()
                + ", min document frequency " + settings.minDocumentFrequency();
    }

    /** A short hash of the corpus, settings and encoder, so two bundles from different inputs never share a version. */
    private String fingerprint(List<BundleManifest.DataFile> corpus, Embedder embedder) {
        String joined = corpus.stream().map(BundleManifest.DataFile::sha256).collect(Collectors.joining()) + settings
                + (embedder == null ? "" : embedder.identity().sha256()) + lexicon.sha256();
        return org.apache.commons.codec.digest.DigestUtils.sha256Hex(joined).substring(0, 7);
    }
}
