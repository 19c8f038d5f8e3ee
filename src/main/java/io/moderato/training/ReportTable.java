package io.moderato.training;

import java.util.List;
import java.util.Locale;

/** Formats evaluation reports as plain-text tables for the console. */
public final class ReportTable {

    private ReportTable() {
    }

    /**
     * @param reports the reports
     * @return one table per report
     */
    public static String format(List<EvaluationReport> reports) {
        StringBuilder out = new StringBuilder();
        for (EvaluationReport report : reports) {
            out.append(String.format(Locale.ROOT, "%n== %s — %d texts, model %s%n", report.dataset(), report.size(),
                    report.modelVersion()));
            if (!report.attributes().isEmpty()) {
                out.append(String.format(Locale.ROOT, "%-18s %9s %8s %8s %9s %9s %8s %8s%n", "attribute", "positives",
                        "ROC AUC", "PR AUC", "threshold", "precision", "recall", "F1"));
                report.attributes().forEach((attribute, m) -> out.append(String.format(Locale.ROOT,
                        "%-18s %9d %8.3f %8.3f %9.3f %9.3f %8.3f %8.3f%n", attribute, m.positives(), m.rocAuc(),
                        m.prAuc(), m.threshold(), m.precision(), m.recall(), m.f1())));
            }
            if (report.topics() != null) {
                out.append(String.format(Locale.ROOT,
                        "topics: top-1 accuracy %.3f (among the data set's own topics %.3f), micro F1 %.3f%n",
                        report.topics().top1Accuracy(), report.topics().restrictedAccuracy(), report.topics().microF1()));
            }
        }
        return out.toString();
    }
}
