package io.moderato.benchmark;

import io.moderato.TestModels;
import io.moderato.classification.BundleFiles;
import io.moderato.classification.ModelBundle;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Seconds to load the test bundle's models for serving (the word models, without the encoder's heads, as a replica
 * in fast mode loads a promoted bundle), each load timed alone. {@link #c1} runs its fork as the cluster test runs
 * its replicas (the C1 compiler alone), {@link #c2} with both compilers, as the run command does; both with the serial
 * collector and a 512 MB heap. The first warm-up iteration of each fork is a cold load (a service's start); the
 * measured ones are a running service's promotion. Reads the newest bundle in {@code target/test-data} (the tests'
 * bundle: run them first), with nothing else loaded beside it. Run: {@code mvn test-compile exec:exec@benchmark
 * -Dbenchmark=BundleLoadBenchmark}.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 8)
public class BundleLoadBenchmark {

    /** The test bundle's directory. */
    @State(Scope.Benchmark)
    public static class Bundle {
        Path directory;

        @Setup
        public void find() throws IOException {
            Path models = TestModels.DATA_DIR.resolve(BundleFiles.MODELS_DIR);
            try (Stream<Path> bundles = Files.list(models)) {
                directory = bundles.filter(d -> Files.exists(d.resolve(BundleFiles.MANIFEST)))
                        .max(Comparator.comparing(Path::getFileName))
                        .orElseThrow(() -> new IllegalStateException("no bundle in " + models
                                + ": run the tests first"));
            }
        }
    }

    /** Loads the word models, C1 only. */
    @Benchmark
    @Fork(value = 1, jvmArgs = {"-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx512m"})
    public ModelBundle c1(Bundle bundle) throws Exception {
        return ModelBundle.load(bundle.directory, null);
    }

    /** Loads the word models, both compilers. */
    @Benchmark
    @Fork(value = 1, jvmArgs = {"-XX:+UseSerialGC", "-Xmx512m"})
    public ModelBundle c2(Bundle bundle) throws Exception {
        return ModelBundle.load(bundle.directory, null);
    }
}
