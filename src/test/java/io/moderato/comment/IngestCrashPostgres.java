package io.moderato.comment;

import io.moderato.PostgresProfile;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;

/**
 * The crash test on PostgreSQL ({@code -Dmoderato.test.pg-url}, as the other PostgreSQL tests), with the app built
 * for it ({@code target/postgresql-app}, packaged by {@code mvn verify}); run by {@link IngestCrashIT}.
 */
class IngestCrashPostgres extends IngestCrashContract {

    @Override
    Path app() {
        return Path.of(System.getProperty("moderato.it.postgresql-app", "target/postgresql-app/quarkus-run.jar"));
    }

    @Override
    Map<String, String> databaseEnvironment(Path dataDir, boolean firstStart) {
        Map<String, String> environment = new HashMap<>(Map.of(
                "QUARKUS_DATASOURCE_JDBC_URL", PostgresProfile.URL,
                "QUARKUS_DATASOURCE_USERNAME", "postgres",
                "QUARKUS_DATASOURCE_PASSWORD", ""));
        if (firstStart) {
            // A test database: start from an empty schema, as the @QuarkusTests on PostgreSQL do.
            environment.put("QUARKUS_FLYWAY_CLEAN_AT_START", "true");
            environment.put("QUARKUS_FLYWAY_CLEAN_DISABLED", "false");
        }
        return environment;
    }

    @Override
    Connection openDatabase(Path dataDir) throws SQLException {
        return DriverManager.getConnection(PostgresProfile.URL, "postgres", "");
    }
}
