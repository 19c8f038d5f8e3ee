package io.moderato;

import io.quarkus.test.junit.QuarkusTestProfile;

import java.util.Map;

/**
 * Runs a {@code @QuarkusTest} against the real PostgreSQL server on 127.0.0.1:5432 (database {@code test}, trust
 * authentication) instead of the embedded H2 database. The same Flyway migrations build the schema.
 */
public class PostgresProfile implements QuarkusTestProfile {

    /** JDBC URL of the test PostgreSQL database; {@code -Dmoderato.test.pg-url=...} points a run at another one. */
    public static final String URL = System.getProperty("moderato.test.pg-url", "jdbc:postgresql://127.0.0.1:5432/test");

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "quarkus.datasource.db-kind", "postgresql",
                "quarkus.datasource.jdbc.url", URL,
                "quarkus.datasource.username", "postgres",
                "quarkus.datasource.password", "");
    }

    @Override
    public String getConfigProfile() {
        return "test";
    }
}
