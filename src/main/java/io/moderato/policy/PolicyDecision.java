package io.moderato.policy;

import java.util.List;

/**
 * A policy's verdict.
 *
 * @param decision the strictest action any reason asked for (APPROVE when none)
 * @param reasons  every reason that applied
 */
public record PolicyDecision(Decision decision, List<Reason> reasons) {
}
