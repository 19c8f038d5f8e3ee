package io.moderato.benchmark;

import io.moderato.ServiceClient;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.BufferedWriter;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A large labelled history through the API: writes a synthetic CSV of about the size asked for (comments built from
 * a few word lists, a {@code toxic} and an {@code insult} column), uploads it to {@code POST
 * /api/v1/admin/sites/{site}/labels:import} as a multipart body streamed from disk, follows the import job and
 * prints the upload's and the import's time with the job's counts. Measure the service's heap alongside with
 * {@code jstat -gc <pid> 1000}. Loopback only. See the README's "Importing a site's history".
 */
@Command(name = "label-import", mixinStandardHelpOptions = true,
        description = "Write a large labelled CSV, import it through a running Moderato's API, print the times.")
public final class LabelImportBenchmark implements Callable<Integer> {

    private static final String[] OPENERS = {"Honestly", "Well", "Look", "So", "Frankly", "Again", "Sure", "Wow"};
    private static final String[] SUBJECTS = {"the council", "this article", "the referee", "the new mayor",
            "the bus company", "your argument", "the author", "the planning office", "the club", "the minister"};
    private static final String[] NEUTRAL = {"has a point about the budget", "should publish the figures",
            "was late again this morning", "deserves a fair hearing", "explained the timetable well",
            "could do more for the river", "made the right call on Sunday", "needs better sources"};
    private static final String[] RUDE = {"is a bunch of clowns", "is clueless and should resign",
            "is the dumbest thing I have read", "is run by idiots", "talks utter garbage", "is a joke, a pathetic one"};

    @Option(names = "--url", defaultValue = "http://127.0.0.1:18083", description = "Service address, loopback only (default: ${DEFAULT-VALUE}).")
    URI url;

    @Option(names = "--admin-key", defaultValue = "${env:MODERATO_BOOTSTRAP_ADMIN_KEY}",
            description = "An admin key (default: env MODERATO_BOOTSTRAP_ADMIN_KEY).")
    String adminKey;

    @Option(names = "--megabytes", defaultValue = "100", description = "Size of the file to write (default: ${DEFAULT-VALUE}).")
    int megabytes;

    @Option(names = "--file", defaultValue = "target/label-import-benchmark.csv",
            description = "Where to write it (default: ${DEFAULT-VALUE}); an existing file of the size is reused.")
    Path file;

    @Option(names = "--site", description = "The site to import into (default: a new one).")
    String site;

    @Override
    public Integer call() throws Exception {
        if (!InetAddress.getByName(url.getHost()).isLoopbackAddress()) {
            throw new CommandLine.ParameterException(new CommandLine(this), "--url must be a loopback address");
        }
        long rows = write();
        String siteId = site != null ? site : "import-bench-" + UUID.randomUUID().toString().substring(0, 8);
        String boundary = "moderato-" + UUID.randomUUID();
        String mapping = "{\"format\": \"csv\", \"text\": \"comment_text\", \"labels\": "
                + "{\"toxicity\": {\"column\": \"toxic\"}, \"insult\": {\"column\": \"insult\"}}}";
        HttpRequest.BodyPublisher body = HttpRequest.BodyPublishers.concat(
                HttpRequest.BodyPublishers.ofString("--" + boundary + "\r\nContent-Disposition: form-data; name=\"mapping\""
                        + "\r\nContent-Type: application/json\r\n\r\n" + mapping + "\r\n--" + boundary
                        + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"history.csv\"\r\n"
                        + "Content-Type: text/csv\r\n\r\n"),
                HttpRequest.BodyPublishers.ofFile(file),
                HttpRequest.BodyPublishers.ofString("\r\n--" + boundary + "--\r\n"));
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        long start = System.nanoTime();
        HttpResponse<String> accepted = http.send(HttpRequest.newBuilder(url.resolve("/api/v1/admin/sites/" + siteId
                        + "/labels:import")).header("Authorization", "Bearer " + adminKey)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary).POST(body).build(),
                HttpResponse.BodyHandlers.ofString());
        double uploadSeconds = (System.nanoTime() - start) / 1e9;
        if (accepted.statusCode() != 202) {
            System.err.println("import refused: " + accepted.statusCode() + " " + accepted.body());
            return 1;
        }
        Matcher id = Pattern.compile("\"jobId\"\\s*:\\s*\"([^\"]+)\"").matcher(accepted.body());
        if (!id.find()) {
            System.err.println("no job id in " + accepted.body());
            return 1;
        }
        ServiceClient client = new ServiceClient(url);
        String status;
        String job;
        do {
            Thread.sleep(1000);
            job = client.send(adminKey, "GET", "/api/v1/admin/jobs/" + id.group(1), null).body();
            Matcher s = Pattern.compile("\"status\"\\s*:\\s*\"([A-Z]+)\"").matcher(job);
            status = s.find() ? s.group(1) : "?";
        } while (status.equals("QUEUED") || status.equals("RUNNING"));
        double totalSeconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("file: %s, %.1f MB, %,d rows%n", file, Files.size(file) / 1e6, rows);
        System.out.printf("upload (202 answered): %.1f s; upload to job %s: %.1f s%n", uploadSeconds, status, totalSeconds);
        Matcher counts = Pattern.compile("\"(read|imported|skipped)\"\\s*:\\s*(\\d+)").matcher(job);
        StringBuilder line = new StringBuilder("job " + id.group(1) + ":");
        while (counts.find()) {
            line.append(' ').append(counts.group(1)).append(' ').append(counts.group(2));
        }
        System.out.println(line);
        return status.equals("SUCCEEDED") ? 0 : 1;
    }

    /** Writes the file unless one of about that size is there; answers its data rows. */
    private long write() throws IOException {
        long target = megabytes * 1_000_000L;
        if (Files.isRegularFile(file) && Math.abs(Files.size(file) - target) < 1_000_000) {
            try (var lines = Files.lines(file)) {
                return lines.count() - 1;
            }
        }
        Files.createDirectories(file.toAbsolutePath().getParent());
        Random random = new Random(42);
        long rows = 0;
        long written = 0;
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            String header = "comment_id,comment_text,toxic,insult\r\n";
            out.write(header);
            written += header.length();
            while (written < target) {
                boolean rude = random.nextInt(4) == 0;
                StringBuilder text = new StringBuilder();
                int sentences = 1 + random.nextInt(3);
                for (int s = 0; s < sentences; s++) {
                    text.append(OPENERS[random.nextInt(OPENERS.length)]).append(", ")
                            .append(SUBJECTS[random.nextInt(SUBJECTS.length)]).append(' ')
                            .append(rude && s == 0 ? RUDE[random.nextInt(RUDE.length)] : NEUTRAL[random.nextInt(NEUTRAL.length)])
                            .append(s % 2 == 0 ? ". " : ", \"quoted\" as they say. ");
                }
                String row = (++rows) + ",\"" + text.toString().strip().replace("\"", "\"\"") + "\"," + (rude ? 1 : 0)
                        + "," + (rude && random.nextBoolean() ? 1 : 0) + "\r\n";
                out.write(row);
                written += row.length();
            }
        }
        return rows;
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new LabelImportBenchmark()).execute(args));
    }
}
