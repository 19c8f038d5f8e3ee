package io.moderato.labels;

import io.moderato.classification.Attribute;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class DecisionLabelsTest {

    @Test
    void aRejectionLabelsToxicityAndTheAttributeItsReasonNames() {
        assertEquals(Map.of(Attribute.TOXICITY, 1.0, Attribute.INSULT, 1.0), DecisionLabels.rejected("insult"));
        assertEquals(Map.of(Attribute.TOXICITY, 1.0, Attribute.IDENTITY_ATTACK, 1.0), DecisionLabels.rejected("identity attack"));
        assertEquals(Map.of(Attribute.TOXICITY, 1.0, Attribute.THREAT, 1.0), DecisionLabels.rejected("Veiled threat"));
        assertEquals(Map.of(Attribute.TOXICITY, 1.0), DecisionLabels.rejected(null));
    }

    @Test
    void aRejectionForSpamTeachesNothingAboutToxicity() {
        assertEquals(Map.of(), DecisionLabels.rejected("spam"));
        assertEquals(Map.of(), DecisionLabels.rejected("off-topic"));
    }

    @Test
    void approvingAHeldCommentLabelsItCleanOfWhatHeldIt() {
        assertEquals(Map.of(Attribute.TOXICITY, 0.0, Attribute.THREAT, 0.0),
                DecisionLabels.approvedAfterHold(List.of(Attribute.THREAT)));
    }
}
