package io.moderato.comment;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/**
 * The crash test ({@link IngestCrashContract}) on both databases, the two side by side: each mostly waits for its
 * service to start, take the stream and stop, so together they take 62 s against 87 s one after the other (two
 * cores). Methods of one class rather than two classes run in parallel: failsafe attributes the results of classes
 * run side by side to the wrong class (SUREFIRE-2252), and the test classes around this one (the cluster test, which
 * needs the cores to itself) still run one at a time.
 */
class IngestCrashIT {

    @Test
    @Execution(ExecutionMode.CONCURRENT)
    void onH2() throws Exception {
        new IngestCrashH2().everyAcknowledgedCommentSurvivesKillMinus9ExactlyOnce();
    }

    @Test
    @Execution(ExecutionMode.CONCURRENT)
    void onPostgresql() throws Exception {
        new IngestCrashPostgres().everyAcknowledgedCommentSurvivesKillMinus9ExactlyOnce();
    }
}
