package io.moderato.training.cli;

import io.moderato.classification.FeatureSettings;
import io.moderato.embedding.Encoders;
import io.moderato.embedding.SentenceEncoder;
import io.moderato.training.LoggedProgress;
import io.moderato.training.ReportTable;
import io.moderato.training.TrainingPipeline;
import io.moderato.training.TrainingSettings;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/** Trains a bundle from the corpus, evaluates it on the held-out split and saves it under the data directory. */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = "Train the attribute and topic models from the corpus and save a versioned bundle.")
public final class TrainCommand implements Callable<Integer> {

    @Option(names = "--corpus-dir", defaultValue = "training-data", description = "Corpus directory (default: ${DEFAULT-VALUE}).")
    Path corpusDir;

    @Option(names = "--data-dir", defaultValue = "${env:MODERATO_DATA_DIR:-data}", description = "Data directory (default: ${DEFAULT-VALUE}).")
    Path dataDir;

    @Option(names = "--seed", description = "Training seed (default: the project's fixed seed).")
    Long seed;

    @Option(names = "--epochs", description = "SGD epochs.")
    Integer epochs;

    @Option(names = "--learning-rate", description = "AdaGrad initial learning rate.")
    Double learningRate;

    @Option(names = "--hash-bits", description = "Feature hash space is 2^bits.")
    Integer hashBits;

    @Option(names = "--head-cost", description = "LibLinear cost C of the encoder heads (default: ${DEFAULT-VALUE}).")
    Double headCost;

    @Option(names = "--encoder", defaultValue = "e5-small-v2-q",
            description = "Sentence encoder: a known name, or 'none' for a word-only bundle (default: ${DEFAULT-VALUE}).")
    String encoder;

    @Override
    public Integer call() throws Exception {
        TrainingSettings d = TrainingSettings.DEFAULT;
        FeatureSettings features = hashBits == null ? d.features()
                : new FeatureSettings(hashBits, d.features().charNgramMin(), d.features().charNgramMax(), d.features().wordBigrams());
        TrainingSettings settings = new TrainingSettings(seed == null ? d.seed() : seed, epochs == null ? d.epochs() : epochs,
                learningRate == null ? d.learningRate() : learningRate, d.minDocumentFrequency(), d.validationShare(),
                features, headCost == null ? d.headCost() : headCost, d.definitionCopies());
        long start = System.nanoTime();
        TrainingPipeline.Result result;
        try (SentenceEncoder sentenceEncoder = Encoders.open(encoder)) {
            result = new TrainingPipeline(settings).run(corpusDir, dataDir, sentenceEncoder,
                    new LoggedProgress(System.out::println));
        }
        System.out.printf("Trained bundle %s in %.1f s, saved to %s%n", result.bundle().version(),
                (System.nanoTime() - start) / 1e9, result.directory());
        System.out.print(ReportTable.format(List.of(result.heldOut())));
        return 0;
    }

    /** @param args command-line arguments, see {@code --help} */
    public static void main(String[] args) {
        System.exit(new CommandLine(new TrainCommand()).execute(args));
    }
}
