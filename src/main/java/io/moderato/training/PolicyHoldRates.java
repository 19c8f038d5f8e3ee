package io.moderato.training;

import io.moderato.classification.Attribute;
import io.moderato.policy.SitePolicy;

import java.util.Map;

/**
 * What a policy's attribute thresholds would hold for review on a labelled data set, from the scores a bundle serves
 * (full mode when it has embeddings): the share of the toxic texts held and the share of the others held. The
 * measurement behind the default policy's thresholds.
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
     * @param toxic    per text, whether it is labelled toxic
     * @param verdicts per text, the served attribute scores (in {@link Attribute} order) of the mode measured
     * @param policy   a complete policy
     * @return the hold rates under the policy's review thresholds
     */
    public Result measure(boolean[] toxic, double[][] verdicts, SitePolicy policy) {
        int toxicCount = 0;
        int toxicHeld = 0;
        int other = 0;
        int otherHeld = 0;
        for (int i = 0; i < toxic.length; i++) {
            boolean held = false;
            for (Map.Entry<String, SitePolicy.Thresholds> entry : policy.thresholds().entrySet()) {
                Double review = entry.getValue().review();
                Attribute attribute = Attribute.fromKey(entry.getKey()).orElse(null);
                if (attribute != null && review != null && verdicts[i][attribute.ordinal()] >= review) {
                    held = true;
                }
            }
            if (toxic[i]) {
                toxicCount++;
                toxicHeld += held ? 1 : 0;
            } else {
                other++;
                otherHeld += held ? 1 : 0;
            }
        }
        return new Result(toxicCount == 0 ? Double.NaN : (double) toxicHeld / toxicCount,
                other == 0 ? Double.NaN : (double) otherHeld / other,
                toxicHeld + otherHeld == 0 ? Double.NaN : (double) toxicHeld / (toxicHeld + otherHeld));
    }
}
