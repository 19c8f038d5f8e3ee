package io.moderato.training;

import com.oracle.labs.mlrg.olcut.provenance.Provenance;
import com.oracle.labs.mlrg.olcut.provenance.primitives.IntProvenance;
import com.oracle.labs.mlrg.olcut.provenance.primitives.StringProvenance;
import io.moderato.classification.Attribute;
import io.moderato.classification.BundleManifest;
import io.moderato.classification.FeatureExtractor;
import io.moderato.classification.Features;
import io.moderato.classification.LinearMultiLabelModel;
import io.moderato.classification.ModelBundle;
import io.moderato.classification.Topic;
import io.moderato.text.TextNormalizer;
import org.tribuo.Example;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;
import org.tribuo.impl.ArrayExample;
import org.tribuo.math.optimisers.AdaGrad;
import org.tribuo.multilabel.MultiLabel;
import org.tribuo.multilabel.MultiLabelFactory;
import org.tribuo.multilabel.sgd.linear.LinearSGDTrainer;
import org.tribuo.multilabel.sgd.objectives.BinaryCrossEntropy;
import org.tribuo.provenance.SimpleDataSourceProvenance;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Trains a model bundle from corpus comments: hashed features (kept when enough comments share them), a Tribuo
 * linear multi-label model with a logistic (binary cross-entropy) loss for the attributes and another for the topics,
 * and per-label thresholds chosen for the best F1 on a validation split of the training data, after which the final
 * models are trained on all of it. Same data and settings give the same models.
 */
public final class BundleTrainer {

    private static final MultiLabelFactory FACTORY = new MultiLabelFactory();
    private static final DateTimeFormatter VERSION_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

    private final TrainingSettings settings;
    private final TextNormalizer normalizer = new TextNormalizer();
    private final FeatureExtractor extractor;

    /** @param settings how to train */
    public BundleTrainer(TrainingSettings settings) {
        this.settings = settings;
        this.extractor = new FeatureExtractor(settings.features());
    }

    /**
     * @param comments the training comments
     * @param corpus   the files they came from, recorded in the bundle's provenance
     * @return the trained, not yet saved, bundle
     */
    public ModelBundle train(List<CorpusReader.CorpusComment> comments, List<BundleManifest.DataFile> corpus) {
        if (comments.isEmpty()) {
            throw new IllegalArgumentException("no training comments");
        }
        List<Features> features = comments.stream().map(c -> extractor.extract(normalizer.normalize(c.text()))).toList();
        Set<String> kept = frequentFeatures(features);

        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < comments.size(); i++) {
            order.add(i);
        }
        Collections.shuffle(order, new Random(settings.seed()));
        int validationSize = (int) Math.round(comments.size() * settings.validationShare());
        List<Integer> validation = order.subList(0, validationSize);
        List<Integer> fit = order.subList(validationSize, order.size());

        String description = describe(corpus);
        Map<String, Double> attributeThresholds = thresholds(comments, features, kept, fit, validation,
                ModelBundle.ATTRIBUTE_LABELS, BundleTrainer::attributeLabels, description);
        Map<String, Double> topicThresholds = thresholds(comments, features, kept, fit, validation,
                ModelBundle.TOPIC_LABELS, BundleTrainer::topicLabels, description);

        List<Integer> all = new ArrayList<>(order);
        Model<MultiLabel> attributes = fit(comments, features, kept, all, BundleTrainer::attributeLabels, description, corpus);
        Model<MultiLabel> topics = fit(comments, features, kept, all, BundleTrainer::topicLabels, description, corpus);

        Instant createdAt = Instant.now();
        String version = VERSION_TIME.format(createdAt) + "-" + fingerprint(corpus);
        BundleManifest manifest = new BundleManifest(version, createdAt, settings.features(), attributeThresholds,
                topicThresholds, List.copyOf(corpus), settings.seed(), trainer().toString(), comments.size(), Map.of());
        return new ModelBundle(null, manifest, new LinearMultiLabelModel(attributes, ModelBundle.ATTRIBUTE_LABELS),
                new LinearMultiLabelModel(topics, ModelBundle.TOPIC_LABELS));
    }

    private LinearSGDTrainer trainer() {
        return new LinearSGDTrainer(new BinaryCrossEntropy(), new AdaGrad(settings.learningRate(), 1e-6),
                settings.epochs(), Integer.MAX_VALUE, 1, settings.seed());
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

    private Model<MultiLabel> fit(List<CorpusReader.CorpusComment> comments, List<Features> features, Set<String> kept,
                                  List<Integer> rows, Function<CorpusReader.CorpusComment, MultiLabel> labels,
                                  String description, List<BundleManifest.DataFile> corpus) {
        MutableDataset<MultiLabel> dataset = new MutableDataset<>(
                new SimpleDataSourceProvenance(description, OffsetDateTime.now(ZoneOffset.UTC), FACTORY), FACTORY);
        for (int row : rows) {
            Example<MultiLabel> example = example(labels.apply(comments.get(row)), features.get(row), kept);
            if (example.size() > 0) {
                dataset.add(example);
            }
        }
        Map<String, Provenance> run = new LinkedHashMap<>();
        for (BundleManifest.DataFile file : corpus) {
            run.put("corpus-sha256:" + file.path(), new StringProvenance("corpus-sha256:" + file.path(), file.sha256()));
        }
        run.put("feature-settings", new StringProvenance("feature-settings", settings.features().toString()));
        run.put("min-document-frequency", new IntProvenance("min-document-frequency", settings.minDocumentFrequency()));
        return trainer().train(dataset, run);
    }

    private Map<String, Double> thresholds(List<CorpusReader.CorpusComment> comments, List<Features> features,
                                           Set<String> kept, List<Integer> fit, List<Integer> validation,
                                           List<String> labelNames, Function<CorpusReader.CorpusComment, MultiLabel> labels,
                                           String description) {
        Model<MultiLabel> model = fit(comments, features, kept, fit, labels, description, List.of());
        LinearMultiLabelModel linear = new LinearMultiLabelModel(model, labelNames);
        double[][] scores = new double[validation.size()][];
        for (int i = 0; i < validation.size(); i++) {
            scores[i] = linear.predict(features.get(validation.get(i)));
        }
        Map<String, Double> thresholds = new LinkedHashMap<>();
        for (int label = 0; label < labelNames.size(); label++) {
            boolean[] truth = new boolean[validation.size()];
            double[] predicted = new double[validation.size()];
            for (int i = 0; i < validation.size(); i++) {
                truth[i] = labels.apply(comments.get(validation.get(i))).contains(labelNames.get(label));
                predicted[i] = scores[i][label];
            }
            thresholds.put(labelNames.get(label), Metrics.bestF1Threshold(truth, predicted));
        }
        return thresholds;
    }

    private static Example<MultiLabel> example(MultiLabel output, Features features, Set<String> kept) {
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

    static MultiLabel attributeLabels(CorpusReader.CorpusComment comment) {
        Set<Label> labels = new HashSet<>();
        for (Attribute attribute : Attribute.values()) {
            if (comment.attributes().get(attribute) >= 0.5) {
                labels.add(new Label(attribute.key()));
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

    /** A short hash of the corpus and settings, so two bundles from different data never share a version. */
    private String fingerprint(List<BundleManifest.DataFile> corpus) {
        String joined = corpus.stream().map(BundleManifest.DataFile::sha256).collect(Collectors.joining()) + settings;
        return Integer.toHexString(joined.hashCode() & 0x7fffffff | 0x10000000).substring(0, 7);
    }
}
