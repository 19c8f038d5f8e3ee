package io.moderato.labels.service;

import io.agroal.api.AgroalDataSource;
import io.moderato.classification.Attribute;
import io.moderato.jobs.service.JobContext;
import io.moderato.labels.ImportMapping;
import io.moderato.labels.ImportReport;
import io.moderato.labels.LabelFileReader;
import io.moderato.labels.LabelSource;
import io.moderato.labels.SiteLabel;
import io.moderato.labels.repository.SiteLabelEntity;
import io.moderato.labels.repository.SiteLabelRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * A site's labels: recorded from moderators' decisions and score suggestions, imported from files, exported, and
 * withdrawn per source. An import is one transaction: rows are inserted in JDBC batches as the file streams by, and
 * a failure or a cancellation rolls all of them back, so an import is there whole or not at all.
 */
@ApplicationScoped
public class LabelService {

    private static final int BATCH = 500;
    private static final Attribute[] COLUMNS = {Attribute.TOXICITY, Attribute.SEVERE_TOXICITY, Attribute.INSULT,
            Attribute.THREAT, Attribute.IDENTITY_ATTACK, Attribute.PROFANITY, Attribute.SEXUALLY_EXPLICIT};
    private static final String INSERT = "INSERT INTO site_label (site_id, source, source_ref, text, toxicity, "
            + "severe_toxicity, insult, threat, identity_attack, profanity, sexually_explicit, actor, created_at) "
            + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    private final SiteLabelRepository labels;
    private final AgroalDataSource dataSource;

    public LabelService(SiteLabelRepository labels, AgroalDataSource dataSource) {
        this.labels = labels;
        this.dataSource = dataSource;
    }

    /**
     * Stores one label in the current transaction.
     *
     * @param siteId    the site
     * @param source    where it comes from
     * @param sourceRef the comment or feedback behind it
     * @param text      the comment
     * @param values    the judged attributes
     * @param actor     who judged
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void record(String siteId, LabelSource source, String sourceRef, String text, Map<Attribute, Double> values,
                       String actor) {
        if (values.isEmpty()) {
            return;
        }
        SiteLabelEntity label = new SiteLabelEntity();
        label.siteId = siteId;
        label.source = source;
        label.sourceRef = sourceRef;
        label.text = text;
        label.setLabels(values);
        label.actor = actor;
        label.createdAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        labels.persist(label);
    }

    /**
     * Withdraws labels in the current transaction.
     *
     * @param siteId    the site
     * @param source    the source
     * @param sourceRef the comment, feedback or import job, or null for all of the source
     * @return how many labels were withdrawn
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public long withdraw(String siteId, LabelSource source, String sourceRef) {
        return labels.deleteBySource(siteId, source, sourceRef);
    }

    /**
     * Imports a labelled file as one transaction.
     *
     * @param siteId        the site
     * @param file          the file (UTF-8; gzip-compressed files are read as such)
     * @param mapping       how to read it
     * @param maxTextLength longer texts are skipped
     * @param actor         who imports
     * @param job           the import's job: its id names the import, its progress follows the file
     * @return what was read, imported and skipped
     * @throws IOException when the file cannot be read or has no header with the mapped columns; nothing is stored
     */
    public ImportReport importFile(String siteId, Path file, ImportMapping mapping, int maxTextLength, String actor,
                                   JobContext job) throws IOException {
        long size = Math.max(1, Files.size(file));
        try {
            return QuarkusTransaction.requiringNew().timeout(3600).call(() -> {
                try (InputStream raw = Files.newInputStream(file);
                     CountingStream counted = new CountingStream(raw);
                     Reader reader = new InputStreamReader(gunzipped(counted), StandardCharsets.UTF_8);
                     Connection connection = dataSource.getConnection();
                     PreparedStatement insert = connection.prepareStatement(INSERT)) {
                    Timestamp now = Timestamp.from(Instant.now().truncatedTo(ChronoUnit.MICROS));
                    long[] counts = new long[3];
                    List<ImportReport.RowError> errors = new ArrayList<>();
                    new LabelFileReader(mapping, maxTextLength).read(reader, new LabelFileReader.Rows() {
                        @Override
                        public void row(long line, String text, Map<Attribute, Double> values) {
                            counts[0]++;
                            try {
                                insert.setString(1, siteId);
                                insert.setString(2, LabelSource.IMPORT.name());
                                insert.setString(3, job.jobId());
                                insert.setString(4, text);
                                for (int c = 0; c < COLUMNS.length; c++) {
                                    Double value = values.get(COLUMNS[c]);
                                    if (value == null) {
                                        insert.setNull(5 + c, Types.DOUBLE);
                                    } else {
                                        insert.setDouble(5 + c, value);
                                    }
                                }
                                insert.setString(12, actor);
                                insert.setTimestamp(13, now);
                                insert.addBatch();
                                if (++counts[1] % BATCH == 0) {
                                    insert.executeBatch();
                                    job.report("imported " + counts[1] + " rows", 0.95 * counted.count() / size);
                                }
                            } catch (SQLException e) {
                                throw new IllegalStateException("storing line " + line + " failed: " + e.getMessage(), e);
                            }
                        }

                        @Override
                        public void skipped(long line, String reason) {
                            counts[0]++;
                            counts[2]++;
                            if (errors.size() < ImportReport.MAX_ERRORS) {
                                errors.add(new ImportReport.RowError(line, reason));
                            }
                        }
                    });
                    insert.executeBatch();
                    job.report("committing " + counts[1] + " rows", 0.97);
                    return new ImportReport(counts[0], counts[1], counts[2], List.copyOf(errors));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                } catch (SQLException e) {
                    throw new IllegalStateException("the import could not be stored: " + e.getMessage(), e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /**
     * @param siteId the site
     * @return all its labels, oldest first
     */
    public List<SiteLabel> all(String siteId) {
        List<SiteLabel> all = new ArrayList<>();
        forEach(siteId, all::add);
        return all;
    }

    /**
     * Walks a site's labels page by page (for export and training), oldest first.
     *
     * @param siteId the site
     * @param each   told about each label
     */
    public void forEach(String siteId, Consumer<SiteLabel> each) {
        long after = 0;
        while (true) {
            long from = after;
            List<SiteLabel> page = QuarkusTransaction.requiringNew().call(() ->
                    labels.page(siteId, from, 1000).stream().map(SiteLabelEntity::toLabel).toList());
            page.forEach(each);
            if (page.size() < 1000) {
                return;
            }
            after = page.get(page.size() - 1).id();
        }
    }

    /**
     * @param siteId the site
     * @return per source, how many labels it has (every source listed)
     */
    public Map<LabelSource, Long> counts(String siteId) {
        Map<LabelSource, Long> counts = new EnumMap<>(LabelSource.class);
        for (LabelSource source : LabelSource.values()) {
            counts.put(source, 0L);
        }
        QuarkusTransaction.requiringNew().call(() -> labels.countBySource(siteId))
                .forEach(row -> counts.put((LabelSource) row[0], ((Number) row[1]).longValue()));
        return counts;
    }

    /**
     * @param label a label
     * @return it as an export line's fields
     */
    public static Map<String, Object> exported(SiteLabel label) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("id", label.id());
        line.put("source", label.source().name());
        line.put("sourceRef", label.sourceRef());
        line.put("text", label.text());
        line.put("labels", Attribute.byKey(label.labels()));
        line.put("actor", label.actor());
        line.put("createdAt", label.createdAt().toString());
        return line;
    }

    /** A gzip-compressed file (by its magic bytes) is read uncompressed, as it streams by. */
    private static InputStream gunzipped(InputStream in) throws IOException {
        java.io.BufferedInputStream buffered = new java.io.BufferedInputStream(in);
        buffered.mark(2);
        int first = buffered.read();
        int second = buffered.read();
        buffered.reset();
        return first == 0x1f && second == 0x8b ? new java.util.zip.GZIPInputStream(buffered, 65536) : buffered;
    }

    /** Counts the bytes read, for an import's progress. */
    private static final class CountingStream extends FilterInputStream {

        private long count;

        CountingStream(InputStream in) {
            super(in);
        }

        long count() {
            return count;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            count += b < 0 ? 0 : 1;
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            count += Math.max(0, n);
            return n;
        }
    }
}
