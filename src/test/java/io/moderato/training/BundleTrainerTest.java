package io.moderato.training;

import io.moderato.classification.Attribute;
import io.moderato.classification.Topic;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The validation split as the combiner sees it: word scores from models that never saw the comment's register. */
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
}
