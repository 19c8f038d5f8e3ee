package io.moderato.training;

import io.moderato.classification.Attribute;
import io.moderato.classification.TextClassifier;
import io.moderato.policy.SitePolicy;

import java.util.List;
import java.util.Map;

/**
 * What a policy's attribute thresholds would hold for review on a labelled data set, in full mode: the share of the
 * toxic texts held and the share of the others held. The measurement behind the default policy's thresholds.
 */
public final class PolicyHoldRates {

    /**
     * @param toxicHeld    share of the texts labelled toxic that at least one review threshold holds
     * @param nonToxicHeld share of the other texts held
     * @param precision    share of toxic texts among those held
     */
    public record Result(double toxicHeld, double nonToxicHeld, double precision) {
    }

    /**
     * @param classifier the bundle
     * @param embeddings per text its embedding (null for fast mode)
     * @param data       texts labelled for toxicity
     * @param policy     a complete policy
     * @return the hold rates under the policy's review thresholds
     */
    public Result measure(TextClassifier classifier, float[][] embeddings, List<LabelledText> data, SitePolicy policy) {
        int toxic = 0;
        int toxicHeld = 0;
        int other = 0;
        int otherHeld = 0;
        for (int i = 0; i < data.size(); i++) {
            Boolean label = data.get(i).attributes().get(Attribute.TOXICITY);
            if (label == null) {
                continue;
            }
            TextClassifier.FamilyBreakdown scores = classifier.breakdown(data.get(i).text(),
                    embeddings == null ? null : embeddings[i]);
            double[] verdict = scores.fullAttributes() != null ? scores.fullAttributes() : scores.fastAttributes();
            boolean held = false;
            for (Map.Entry<String, SitePolicy.Thresholds> entry : policy.thresholds().entrySet()) {
                Double review = entry.getValue().review();
                Attribute attribute = Attribute.fromKey(entry.getKey()).orElse(null);
                if (attribute != null && review != null && verdict[attribute.ordinal()] >= review) {
                    held = true;
                }
            }
            if (label) {
                toxic++;
                toxicHeld += held ? 1 : 0;
            } else {
                other++;
                otherHeld += held ? 1 : 0;
            }
        }
        return new Result(toxic == 0 ? Double.NaN : (double) toxicHeld / toxic,
                other == 0 ? Double.NaN : (double) otherHeld / other,
                toxicHeld + otherHeld == 0 ? Double.NaN : (double) toxicHeld / (toxicHeld + otherHeld));
    }
}
