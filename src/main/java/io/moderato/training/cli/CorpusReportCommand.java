package io.moderato.training.cli;

import io.moderato.classification.Attribute;
import io.moderato.classification.Lexicon;
import io.moderato.text.TextNormalizer;
import io.moderato.text.Token;
import io.moderato.training.CorpusReader;
import io.moderato.training.WordSkew;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

/**
 * Prints the words the corpus teaches to predict an attribute by themselves ({@link WordSkew}): the report a corpus
 * writer reads before choosing what a new part must cover.
 */
@Command(name = "corpus-report", mixinStandardHelpOptions = true,
        description = "List the words whose comments in the corpus mostly carry an attribute (unintended bias in the making).")
public final class CorpusReportCommand implements Callable<Integer> {

    @Option(names = "--corpus-dir", defaultValue = "training-data", description = "Corpus directory (default: ${DEFAULT-VALUE}).")
    Path corpusDir;

    @Option(names = "--attribute", defaultValue = "toxicity",
            description = "Attribute to count: toxicity, severe_toxicity, insult, threat, identity_attack, profanity or sexually_explicit (default: ${DEFAULT-VALUE}).")
    String attribute;

    @Option(names = "--min-comments", defaultValue = "25", description = "Report words in at least this many comments (default: ${DEFAULT-VALUE}).")
    int minComments;

    @Option(names = "--top", defaultValue = "60", description = "Print at most this many words (default: ${DEFAULT-VALUE}).")
    int top;

    @Option(names = "--all-words", description = "Also list words the lexicon classes as abusive (profane, insult, slur...), whose skew is intended.")
    boolean allWords;

    @Option(names = "--words", split = ",", description = "Print only these words (comma-separated, as written: they are normalised first).")
    List<String> words;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Attribute counted = Attribute.fromKey(attribute).orElseThrow(() -> new CommandLine.ParameterException(
                spec.commandLine(), "--attribute: unknown attribute '" + attribute + "'; one of "
                + Arrays.stream(Attribute.values()).map(Attribute::key).collect(Collectors.joining(", "))));
        if (minComments < 1 || top < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--min-comments and --top must be at least 1");
        }
        CorpusReader reader = new CorpusReader();
        List<CorpusReader.CorpusComment> comments = new ArrayList<>(
                reader.read(corpusDir.resolve(CorpusReader.TRAIN_FILE)).comments());
        comments.addAll(reader.read(corpusDir.resolve(CorpusReader.HELD_OUT_FILE)).comments());
        TextNormalizer normalizer = new TextNormalizer();
        WordSkew.Report report = new WordSkew(normalizer, Lexicon.builtIn()).measure(comments, counted,
                words == null ? minComments : 1);
        List<String> wanted = words == null ? null : words.stream()
                .flatMap(w -> normalizer.normalize(w).tokens().stream()).map(Token::normalized).toList();
        PrintWriter out = spec.commandLine().getOut();
        out.printf(Locale.ROOT, "%s: %,d comments, %s (>= 0.5 of raters) in %,d (%.1f%%)%n", corpusDir,
                report.comments(), counted.key(), report.positives(), 100 * report.baseShare());
        out.printf(Locale.ROOT, "%s, highest lower end of the 95%% Wilson interval of the share first%n",
                wanted != null ? "The words asked for" : allWords ? "Words in at least " + minComments + " comments"
                        : "Words in at least " + minComments + " comments, but those the lexicon lists as abusive");
        out.printf(Locale.ROOT, "%-18s %8s %8s %6s %6s %5s  %s%n", "word", "comments", "marked", "share", "lower",
                "lift", "lexicon");
        int printed = 0;
        for (WordSkew.Row row : report.rows()) {
            if (printed == top && wanted == null) {
                break;
            }
            if (wanted != null ? !wanted.contains(row.word()) : !allWords && row.abusive()) {
                continue;
            }
            out.printf(Locale.ROOT, "%-18s %8d %8d %6.2f %6.2f %5.2f  %s%n", row.word(), row.comments(),
                    row.positives(), row.share(), row.lowerBound(),
                    report.baseShare() == 0 ? 0 : row.share() / report.baseShare(), String.join(",", row.lexiconClasses()));
            printed++;
        }
        return 0;
    }

    /** @param args command-line arguments, see {@code --help} */
    public static void main(String[] args) {
        System.exit(new CommandLine(new CorpusReportCommand()).execute(args));
    }
}
