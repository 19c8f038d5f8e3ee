package io.moderato.training;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Unintended-bias figures of a score (Borkan et al., 2019, "Nuanced Metrics for Measuring Unintended Bias with Real
 * Data for Text Classification"). For each identity subgroup (found by the term list
 * {@code identity-terms.tsv}): the subgroup AUC (only comments that mention it), BPSN AUC (the subgroup's
 * non-toxic comments against the background's toxic ones: low when the model scores mere mentions high) and BNSP AUC
 * (the subgroup's toxic comments against the background's non-toxic ones: low when it misses abuse of the
 * subgroup). One number as in the Jigsaw Unintended Bias competition: a quarter of the overall AUC plus a quarter of
 * each bias metric's generalised mean over the subgroups, with power p = -5 (so the worst subgroups weigh most).
 *
 * @param dataset   what was scored
 * @param size      how many comments
 * @param overallAuc ROC AUC on all of them
 * @param subgroups per subgroup, its figures (subgroups mentioned fewer than {@value #MIN_SUBGROUP} times left out)
 * @param meanSubgroupAuc generalised mean of the subgroup AUCs
 * @param meanBpsnAuc     generalised mean of the BPSN AUCs
 * @param meanBnspAuc     generalised mean of the BNSP AUCs
 * @param finalScore      0.25 × overall + 0.25 × each of the three means
 */
public record BiasReport(String dataset, int size, double overallAuc, List<Subgroup> subgroups, double meanSubgroupAuc,
                         double meanBpsnAuc, double meanBnspAuc, double finalScore) {

    /** Power of the generalised mean, as in the competition. */
    public static final double POWER = -5;
    /** Fewest mentions for a subgroup to be reported. */
    public static final int MIN_SUBGROUP = 10;
    private static final Pattern WORDS = Pattern.compile("[^\\p{L}\\p{N}'-]+");

    /**
     * One subgroup's figures (NaN when its comments are all toxic or all not).
     *
     * @param name       the subgroup
     * @param category   gender, religion, race or ethnicity, nationality, sexual orientation or disability
     * @param size       comments mentioning it
     * @param positives  of those, toxic ones
     * @param subgroupAuc ROC AUC within the subgroup
     * @param bpsnAuc    background positive, subgroup negative AUC
     * @param bnspAuc    background negative, subgroup positive AUC
     */
    public record Subgroup(String name, String category, int size, int positives, double subgroupAuc, double bpsnAuc,
                           double bnspAuc) {
    }

    /** One subgroup of the term list. */
    record Terms(String name, String category, Set<String> words, List<String> phrases) {

        boolean mentionedIn(Set<String> tokens, String lower) {
            for (String word : words) {
                if (tokens.contains(word)) {
                    return true;
                }
            }
            for (String phrase : phrases) {
                if (lower.contains(phrase)) {
                    return true;
                }
            }
            return false;
        }
    }

    /**
     * @param dataset what is scored
     * @param texts   the comments
     * @param truth   per comment, whether it is toxic
     * @param scores  per comment, the model's toxicity score
     * @return the report
     */
    public static BiasReport of(String dataset, List<String> texts, boolean[] truth, double[] scores) {
        List<Terms> lists = termLists();
        List<Set<String>> tokens = new ArrayList<>(texts.size());
        List<String> lowered = new ArrayList<>(texts.size());
        for (String text : texts) {
            String lower = text.toLowerCase(Locale.ROOT);
            lowered.add(lower);
            tokens.add(Arrays.stream(WORDS.split(lower)).filter(t -> !t.isEmpty()).collect(Collectors.toSet()));
        }
        List<Subgroup> subgroups = new ArrayList<>();
        for (Terms terms : lists) {
            boolean[] in = new boolean[texts.size()];
            int size = 0;
            int positives = 0;
            for (int i = 0; i < in.length; i++) {
                in[i] = terms.mentionedIn(tokens.get(i), lowered.get(i));
                if (in[i]) {
                    size++;
                    positives += truth[i] ? 1 : 0;
                }
            }
            if (size < MIN_SUBGROUP) {
                continue;
            }
            subgroups.add(new Subgroup(terms.name(), terms.category(), size, positives,
                    auc(truth, scores, i -> in[i]),
                    auc(truth, scores, i -> in[i] ? !truth[i] : truth[i]),
                    auc(truth, scores, i -> in[i] ? truth[i] : !truth[i])));
        }
        double overall = auc(truth, scores, i -> true);
        double subgroup = generalisedMean(subgroups.stream().mapToDouble(Subgroup::subgroupAuc).toArray());
        double bpsn = generalisedMean(subgroups.stream().mapToDouble(Subgroup::bpsnAuc).toArray());
        double bnsp = generalisedMean(subgroups.stream().mapToDouble(Subgroup::bnspAuc).toArray());
        return new BiasReport(dataset, texts.size(), overall, subgroups, subgroup, bpsn, bnsp,
                0.25 * (overall + subgroup + bpsn + bnsp));
    }

    /**
     * @param values figures (NaN ones are left out)
     * @return their generalised mean with power {@value #POWER}, NaN when none is a number
     */
    static double generalisedMean(double[] values) {
        double sum = 0;
        int n = 0;
        for (double v : values) {
            if (!Double.isNaN(v)) {
                sum += Math.pow(v, POWER);
                n++;
            }
        }
        return n == 0 ? Double.NaN : Math.pow(sum / n, 1 / POWER);
    }

    private static double auc(boolean[] truth, double[] scores, java.util.function.IntPredicate keep) {
        int n = 0;
        for (int i = 0; i < truth.length; i++) {
            n += keep.test(i) ? 1 : 0;
        }
        boolean[] t = new boolean[n];
        double[] s = new double[n];
        int k = 0;
        for (int i = 0; i < truth.length; i++) {
            if (keep.test(i)) {
                t[k] = truth[i];
                s[k++] = scores[i];
            }
        }
        return Metrics.binary(t, s, 0.5).rocAuc();
    }

    /** @return the identity subgroups of the shipped term list */
    static List<Terms> termLists() {
        try (InputStream in = BiasReport.class.getResourceAsStream("identity-terms.tsv")) {
            if (in == null) {
                throw new IllegalStateException("identity-terms.tsv is missing from the class path");
            }
            List<Terms> lists = new ArrayList<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList()) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] fields = line.split("\t");
                List<String> all = Arrays.stream(fields[2].split(",")).map(String::strip).filter(t -> !t.isEmpty())
                        .map(t -> t.toLowerCase(Locale.ROOT)).toList();
                lists.add(new Terms(fields[0], fields[1],
                        all.stream().filter(t -> !t.contains(" ")).collect(Collectors.toSet()),
                        all.stream().filter(t -> t.contains(" ")).toList()));
            }
            return lists;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @return the report as a map for JSON, with NaN figures as null */
    public Map<String, Object> toJson() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("dataset", dataset);
        out.put("size", size);
        out.put("overallAuc", finite(overallAuc));
        out.put("meanSubgroupAuc", finite(meanSubgroupAuc));
        out.put("meanBpsnAuc", finite(meanBpsnAuc));
        out.put("meanBnspAuc", finite(meanBnspAuc));
        out.put("finalScore", finite(finalScore));
        out.put("power", POWER);
        List<Map<String, Object>> groups = new ArrayList<>();
        for (Subgroup s : subgroups) {
            Map<String, Object> g = new LinkedHashMap<>();
            g.put("subgroup", s.name());
            g.put("category", s.category());
            g.put("size", s.size());
            g.put("positives", s.positives());
            g.put("subgroupAuc", finite(s.subgroupAuc()));
            g.put("bpsnAuc", finite(s.bpsnAuc()));
            g.put("bnspAuc", finite(s.bnspAuc()));
            groups.add(g);
        }
        out.put("subgroups", groups);
        return out;
    }

    static Double finite(double value) {
        return Double.isFinite(value) ? value : null;
    }
}
