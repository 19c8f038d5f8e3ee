package io.moderato.training.cli;

import io.moderato.classification.ModelBundle;
import io.moderato.classification.ModelStore;
import io.moderato.classification.ScoringSettings;
import io.moderato.classification.TextClassifier;
import io.moderato.training.CorpusReader;
import io.moderato.training.EvaluationReport;
import io.moderato.training.Evaluator;
import io.moderato.training.LabelledText;
import io.moderato.training.ReportTable;
import io.moderato.training.datasets.BbcNewsArticles;
import io.moderato.training.datasets.JigsawToxicComments;
import io.moderato.training.datasets.OffensiveLanguageTweets;
import io.moderato.training.datasets.ToxicSpansTyped;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * Prints a bundle's figures on the held-out split and on the public data sets found under
 * {@code --datasets-dir}: per attribute ROC AUC, PR AUC and F1 at the bundle's thresholds, and topic accuracy.
 */
@Command(name = "evaluate", mixinStandardHelpOptions = true,
        description = "Evaluate a model bundle on the held-out split and on public data sets.")
public final class EvaluateCommand implements Callable<Integer> {

    @Option(names = "--data-dir", defaultValue = "${env:MODERATO_DATA_DIR:-data}", description = "Data directory (default: ${DEFAULT-VALUE}).")
    Path dataDir;

    @Option(names = "--model", description = "Bundle version (default: the newest).")
    String version;

    @Option(names = "--corpus-dir", defaultValue = "training-data", description = "Corpus directory (default: ${DEFAULT-VALUE}).")
    Path corpusDir;

    @Option(names = "--datasets-dir", defaultValue = "../shared/datasets", description = "Public data sets (default: ${DEFAULT-VALUE}).")
    Path datasetsDir;

    @Option(names = "--json", description = "Also write the reports to this JSON file.")
    Path json;

    @Override
    public Integer call() throws Exception {
        ModelStore store = new ModelStore(dataDir);
        String chosen = version != null ? version : store.newest().orElseThrow(
                () -> new CommandLine.ParameterException(new CommandLine(this), "no model bundle under " + dataDir + ": run the train command first"));
        ModelBundle bundle = store.load(chosen);
        TextClassifier classifier = new TextClassifier(bundle, ScoringSettings.DEFAULT);
        Evaluator evaluator = new Evaluator();
        List<EvaluationReport> reports = new ArrayList<>();

        CorpusReader.CorpusFile heldOut = new CorpusReader().read(corpusDir.resolve(CorpusReader.HELD_OUT_FILE));
        reports.add(timed(evaluator, classifier, "Moderato held-out split", heldOut.labelled()));

        Path jigsaw = datasetsDir.resolve("jigsaw_toxic_train_prefix_sample/train.csv.gz");
        if (Files.exists(jigsaw)) {
            reports.add(timed(evaluator, classifier, "Jigsaw train sample", new JigsawToxicComments().read(jigsaw)));
        }
        Path olid = datasetsDir.resolve("olid/olid-training-v1.0.tsv.gz");
        if (Files.exists(olid)) {
            reports.add(timed(evaluator, classifier, "OLID training set", new OffensiveLanguageTweets().read(olid)));
        }
        Path spans = datasetsDir.resolve("toxic_spans_acl2022_typed");
        if (Files.isDirectory(spans)) {
            reports.add(timed(evaluator, classifier, "Toxic Spans typed (Civil Comments)", new ToxicSpansTyped().read(spans)));
        }
        Path bbc = datasetsDir.resolve("bbc_news/bbc_news.csv.gz");
        if (Files.exists(bbc)) {
            reports.add(timed(evaluator, classifier, "BBC News topics", new BbcNewsArticles().read(bbc)));
        }
        System.out.print(ReportTable.format(reports));
        if (json != null) {
            ModelBundle.JSON.writeValue(json.toFile(), reports);
        }
        return 0;
    }

    private static EvaluationReport timed(Evaluator evaluator, TextClassifier classifier, String name, List<LabelledText> data) {
        return evaluator.evaluate(classifier, name, data);
    }

    /** @param args command-line arguments, see {@code --help} */
    public static void main(String[] args) {
        System.exit(new CommandLine(new EvaluateCommand()).execute(args));
    }
}
