package io.moderato.comment;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;

/** The crash test on the embedded H2 database, the default build (run by {@link IngestCrashIT}). */
class IngestCrashH2 extends IngestCrashContract {

    @Override
    Path app() {
        return Path.of(System.getProperty("moderato.it.h2-app", "target/quarkus-app/quarkus-run.jar"));
    }

    @Override
    Map<String, String> databaseEnvironment(Path dataDir, boolean firstStart) {
        return Map.of(); // the default: an H2 file in the data directory
    }

    @Override
    Connection openDatabase(Path dataDir) throws SQLException {
        return DriverManager.getConnection("jdbc:h2:file:" + dataDir.resolve("moderato"), "moderato", "moderato");
    }
}
