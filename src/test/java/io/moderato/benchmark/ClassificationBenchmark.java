package io.moderato.benchmark;

import io.moderato.TestModels;
import io.moderato.classification.Classification;
import io.moderato.classification.ScoringSettings;
import io.moderato.classification.TextClassifier;
import io.moderato.training.CorpusReader;
import io.moderato.training.LabelledText;
import io.moderato.training.datasets.JigsawToxicComments;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Single-thread comments per second through the full model (normalisation, features, both models, spans and
 * sentence scoring), over real comment texts: the held-out corpus (news comments, median 19 words) and, when
 * present, the Jigsaw sample from {@code ../shared/datasets} (Wikipedia talk comments, longer).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(1)
@Fork(value = 1, jvmArgs = {"-Xms1g", "-Xmx2g"})
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
public class ClassificationBenchmark {

    /** Which texts to score. */
    @Param({"corpus", "jigsaw"})
    public String texts;

    private TextClassifier classifier;
    private List<String> comments;
    private int next;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        classifier = new TextClassifier(TestModels.full(), ScoringSettings.DEFAULT);
        Path jigsaw = Path.of("../shared/datasets/jigsaw_toxic_train_prefix_sample/train.csv.gz");
        if (texts.equals("jigsaw") && Files.exists(jigsaw)) {
            comments = new JigsawToxicComments().read(jigsaw).stream().map(LabelledText::text).toList();
        } else {
            comments = new CorpusReader().read(TestModels.CORPUS_DIR.resolve(CorpusReader.HELD_OUT_FILE))
                    .comments().stream().map(CorpusReader.CorpusComment::text).toList();
        }
        double meanChars = comments.stream().mapToInt(String::length).average().orElse(0);
        System.out.printf("%n%s: %d comments, mean %.0f characters%n", texts, comments.size(), meanChars);
    }

    /** One comment, fully classified. */
    @Benchmark
    public Classification classify() {
        String text = comments.get(next);
        next = next + 1 == comments.size() ? 0 : next + 1;
        return classifier.classify(text, null);
    }
}
