package io.moderato.training;

import io.moderato.embedding.Embedder;
import org.apache.commons.codec.binary.Hex;
import org.apache.commons.codec.digest.DigestUtils;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleConsumer;

/**
 * Embeddings kept on disk between runs, one file per encoder identity, addressed by the SHA-256 of each text: the
 * corpus (or an evaluation set) is embedded once, and editing a few comments re-embeds only those. New embeddings
 * are appended record by record; a record cut short by a crash is ignored on the next read.
 */
public final class EmbeddingFileCache {

    private static final int CHUNK = 256;
    private static final int KEY_BYTES = 32;

    private final Path directory;
    private Map<String, float[]> loaded;
    private Path loadedFile;

    /** @param directory where the cache files live (created when needed); null disables the cache */
    public EmbeddingFileCache(Path directory) {
        this.directory = directory;
    }

    /**
     * @param embedder the encoder
     * @param texts    the texts
     * @param progress told the share of texts embedded so far
     * @return one embedding per text
     * @throws IOException when the cache cannot be read or written
     */
    public synchronized float[][] embed(Embedder embedder, List<String> texts, DoubleConsumer progress) throws IOException {
        int dimensions = embedder.identity().dimensions();
        Map<String, float[]> known = directory == null ? new HashMap<>() : load(file(embedder), dimensions);
        float[][] out = new float[texts.size()][];
        List<Integer> missing = new ArrayList<>();
        String[] keys = new String[texts.size()];
        for (int i = 0; i < texts.size(); i++) {
            keys[i] = DigestUtils.sha256Hex(texts.get(i).getBytes(StandardCharsets.UTF_8));
            out[i] = known.get(keys[i]);
            if (out[i] == null) {
                missing.add(i);
            }
        }
        int done = texts.size() - missing.size();
        progress.accept(texts.isEmpty() ? 1.0 : (double) done / texts.size());
        for (int from = 0; from < missing.size(); from += CHUNK) {
            List<Integer> chunk = missing.subList(from, Math.min(missing.size(), from + CHUNK));
            float[][] vectors = embedder.embedAll(chunk.stream().map(texts::get).toList());
            for (int k = 0; k < chunk.size(); k++) {
                out[chunk.get(k)] = vectors[k];
                known.put(keys[chunk.get(k)], vectors[k]);
            }
            if (directory != null) {
                append(file(embedder), chunk.stream().map(i -> keys[i]).toList(), vectors);
            }
            done += chunk.size();
            progress.accept((double) done / texts.size());
        }
        return out;
    }

    private Path file(Embedder embedder) {
        return directory.resolve(embedder.identity().name() + "-" + embedder.identity().sha256().substring(0, 12) + ".vectors");
    }

    private Map<String, float[]> load(Path file, int dimensions) throws IOException {
        if (file.equals(loadedFile)) {
            return loaded;
        }
        Map<String, float[]> map = new HashMap<>();
        if (Files.isRegularFile(file)) {
            try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16))) {
                byte[] key = new byte[KEY_BYTES];
                while (true) {
                    try {
                        in.readFully(key);
                        float[] vector = new float[dimensions];
                        for (int d = 0; d < dimensions; d++) {
                            vector[d] = in.readFloat();
                        }
                        map.put(Hex.encodeHexString(key), vector);
                    } catch (EOFException end) {
                        break;
                    }
                }
            }
        }
        loaded = map;
        loadedFile = file;
        return map;
    }

    private static void append(Path file, List<String> keys, float[][] vectors) throws IOException {
        Files.createDirectories(file.getParent());
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(
                Files.newOutputStream(file, StandardOpenOption.CREATE, StandardOpenOption.APPEND), 1 << 16))) {
            for (int k = 0; k < keys.size(); k++) {
                try {
                    out.write(Hex.decodeHex(keys.get(k)));
                } catch (org.apache.commons.codec.DecoderException e) {
                    throw new IllegalStateException(e);
                }
                for (float v : vectors[k]) {
                    out.writeFloat(v);
                }
            }
        }
    }
}
