package io.moderato.training;

import io.moderato.classification.Attribute;
import io.moderato.classification.Topic;
import org.junit.jupiter.api.Test;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.impl.ArrayExample;
import org.tribuo.math.optimisers.AdaGrad;
import org.tribuo.multilabel.MultiLabel;
import org.tribuo.multilabel.MultiLabelFactory;
import org.tribuo.multilabel.sgd.linear.LinearSGDTrainer;
import org.tribuo.multilabel.sgd.objectives.BinaryCrossEntropy;
import org.tribuo.provenance.SimpleDataSourceProvenance;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The word family's targets (the share of raters, not the majority), and the validation split as the combiner sees
 * it: word scores from models that never saw the comment's register.
 */
class BundleTrainerTest {

    private final List<CorpusReader.CorpusComment> comments = new ArrayList<>();
    private final List<Integer> fit = new ArrayList<>();
    private final List<Integer> validation = new ArrayList<>();

    /** "zorblax" is an insult only chat users write, "nitwit" one only news readers write, "dimwit" a site's. */
    BundleTrainerTest() {
        for (int i = 0; i < 60; i++) {
            add("chat", "you absolute zorblax number " + i, 1.0, i);
            add("chat", "what a lovely goal that was number " + i, 0.0, i);
            add("news", "the minister is a nitwit number " + i, 1.0, i);
            add("news", "the budget vote passed today number " + i, 0.0, i);
            add(CorpusReader.SITE_REGISTER, "such a dimwit idea number " + i, 1.0, i);
            add(CorpusReader.SITE_REGISTER, "thanks for the report number " + i, 0.0, i);
        }
        // Every label the models know of, once, in training only.
        for (Attribute attribute : Attribute.values()) {
            add("forum", "a remark of kind " + attribute.key(), attribute, Topic.POLITICS);
        }
        for (Topic topic : Topic.values()) {
            add("forum", "a remark on " + topic.code(), Attribute.TOXICITY, topic);
        }
    }

    private void add(String register, String text, double toxicity, int i) {
        (i % 5 == 0 ? validation : fit).add(comments.size());
        comments.add(comment(register, text, toxicity > 0.5 ? Attribute.TOXICITY : null, Topic.POLITICS));
    }

    private void add(String register, String text, Attribute present, Topic topic) {
        fit.add(comments.size());
        comments.add(comment(register, text, present, topic));
    }

    private CorpusReader.CorpusComment comment(String register, String text, Attribute present, Topic topic) {
        Map<Attribute, Double> attributes = new EnumMap<>(Attribute.class);
        for (Attribute attribute : Attribute.values()) {
            attributes.put(attribute, attribute == present ? 1.0 : 0.0);
        }
        return new CorpusReader.CorpusComment(register + "-" + comments.size(), register, text, attributes, List.of(topic));
    }

    @Test
    void aValidationCommentIsScoredByAWordModelThatNeverSawItsRegister() {
        Map<Integer, double[]> scores = new BundleTrainer(TrainingSettings.DEFAULT).outOfRegisterWordScores(comments, fit, validation);

        int t = Attribute.TOXICITY.ordinal();
        int insults = 0;
        for (int row : validation) {
            CorpusReader.CorpusComment comment = comments.get(row);
            if (comment.register().equals(CorpusReader.SITE_REGISTER)) {
                assertFalse(scores.containsKey(row), "a site's own labels keep the full model's scores");
                continue;
            }
            double toxicity = scores.get(row)[t];
            if (comment.text().contains("zorblax") || comment.text().contains("nitwit")) {
                // Learnt only in the comment's own register: scored by a model that never saw it, the insult is
                // just another word (the model trained on every register would call every one of these toxic).
                assertTrue(toxicity < 0.5, comment.text() + " scored " + toxicity);
                insults++;
            }
        }
        assertEquals(24, insults);
    }

    @Test
    void anAttributesTargetIsTheShareOfRatersWhoMarkedIt() {
        Map<Attribute, Double> raters = new EnumMap<>(Attribute.class);
        for (Attribute attribute : Attribute.values()) {
            raters.put(attribute, 0.0);
        }
        raters.put(Attribute.TOXICITY, 0.3);
        raters.put(Attribute.PROFANITY, 0.9);
        MultiLabel labels = BundleTrainer.attributeLabels(
                new CorpusReader.CorpusComment("c", "news", "what the hell", raters, List.of(Topic.POLITICS)));

        assertEquals(java.util.Set.of("toxicity", "profanity"), labels.getNameSet(), "an attribute no rater marked is absent");
        assertEquals(0.3, labels.getLabelSet().stream().filter(l -> l.getLabel().equals("toxicity")).findFirst().orElseThrow().getScore());
        assertEquals(0.9, labels.getLabelSet().stream().filter(l -> l.getLabel().equals("profanity")).findFirst().orElseThrow().getScore());
    }

    /**
     * Trained as the word family is (binary cross-entropy by SGD), a word three raters in ten call toxic scores about
     * 0.3: Tribuo reads a label's score as its target. Read as a plain label it would score as high as the abusive word.
     */
    @Test
    void aWordRatersDisagreedOnIsLearntInBetween() {
        MultiLabelFactory factory = new MultiLabelFactory();
        MutableDataset<MultiLabel> data = new MutableDataset<>(new SimpleDataSourceProvenance("raters", factory), factory);
        Map<String, Double> shares = Map.of("fine", 0.0, "meh", 0.3, "vile", 0.9);
        for (int i = 0; i < 200; i++) {
            shares.forEach((word, share) -> data.add(new ArrayExample<>(toxicity(share), new String[] {"word=" + word}, new double[] {1.0})));
        }
        Model<MultiLabel> model = new LinearSGDTrainer(new BinaryCrossEntropy(), new AdaGrad(0.1, 1e-6), 10,
                Integer.MAX_VALUE, 1, TrainingSettings.DEFAULT.seed()).train(data);

        shares.forEach((word, share) -> {
            double score = model.predict(new ArrayExample<>(factory.getUnknownOutput(), new String[] {"word=" + word},
                    new double[] {1.0})).getOutputScores().get("toxicity").getLabelSet().iterator().next().getScore();
            assertEquals(share, score, 0.05, word);
        });
    }

    private static MultiLabel toxicity(double share) {
        Map<Attribute, Double> raters = new EnumMap<>(Attribute.class);
        for (Attribute attribute : Attribute.values()) {
            raters.put(attribute, attribute == Attribute.TOXICITY ? share : 0.0);
        }
        return BundleTrainer.attributeLabels(new CorpusReader.CorpusComment("c", "news", "text", raters, List.of(Topic.POLITICS)));
    }
}
