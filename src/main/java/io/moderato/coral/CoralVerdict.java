package io.moderato.coral;

import io.moderato.classification.Attribute;
import io.moderato.classification.Classification;
import io.moderato.policy.Decision;
import io.moderato.policy.PolicyDecision;
import io.moderato.policy.Reason;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Turns a policy decision into Coral's answer. Pure. */
public final class CoralVerdict {

    private CoralVerdict() {
    }

    /**
     * REJECT answers {@code REJECTED}, REVIEW the configured hold status, both with one {@code FLAG} action per kind
     * of reason; APPROVE answers no status (never {@code APPROVED}, which in Coral means a moderator approved it),
     * leaving Coral's later phases (pre-moderation settings, links) their say.
     *
     * @param siteId     the Moderato site whose policy decided
     * @param scored     the classification
     * @param decision   the policy's decision
     * @param holdStatus the status for held comments
     * @return Coral's answer
     */
    public static CoralModeration.Response of(String siteId, Classification scored, PolicyDecision decision,
                                              HoldStatus holdStatus) {
        String status = switch (decision.decision()) {
            case REJECT -> "REJECTED";
            case REVIEW -> holdStatus.name();
            case APPROVE -> null;
        };
        Map<String, StringBuilder> details = new LinkedHashMap<>();
        if (decision.decision() != Decision.APPROVE) {
            for (Reason reason : decision.reasons()) {
                StringBuilder text = details.computeIfAbsent(coralReason(reason.code()), k -> new StringBuilder());
                text.append(text.isEmpty() ? "" : "; ").append(describe(reason));
            }
        }
        List<CoralModeration.Action> actions = details.entrySet().stream()
                .map(e -> new CoralModeration.Action("FLAG", e.getKey(), "Moderato: " + e.getValue())).toList();
        Map<String, Double> scores = Attribute.byKey(scored.attributes());
        Map<String, Object> moderato = new LinkedHashMap<>();
        moderato.put("siteId", siteId);
        moderato.put("decision", decision.decision().name());
        moderato.put("modelVersion", scored.modelVersion());
        moderato.put("scores", scores);
        moderato.put("reasons", decision.reasons());
        return new CoralModeration.Response(status, actions, Map.of("moderato", moderato));
    }

    /** Coral's {@code COMMENT_FLAG_DETECTED_REASON} for a Moderato reason code. */
    static String coralReason(String code) {
        return switch (code) {
            case Reason.BANNED_WORD -> "COMMENT_DETECTED_BANNED_WORD";
            case Reason.SUSPECT_WORD -> "COMMENT_DETECTED_SUSPECT_WORD";
            case Reason.LINK -> "COMMENT_DETECTED_LINKS";
            case Reason.REPEAT_POST -> "COMMENT_DETECTED_REPEAT_POST";
            case Reason.NEW_COMMENTER -> "COMMENT_DETECTED_NEW_COMMENTER";
            case Reason.REJECTION_RATE -> "COMMENT_DETECTED_RECENT_HISTORY";
            default -> "COMMENT_DETECTED_TOXIC";
        };
    }

    private static String describe(Reason reason) {
        if (reason.attribute() != null) {
            return String.format(Locale.ROOT, "%s %.2f >= %.2f", reason.attribute(), reason.score(), reason.threshold());
        }
        if (reason.word() != null) {
            return reason.code().toLowerCase(Locale.ROOT).replace('_', ' ') + " '" + reason.word() + "'";
        }
        return reason.code().toLowerCase(Locale.ROOT).replace('_', ' ');
    }
}
