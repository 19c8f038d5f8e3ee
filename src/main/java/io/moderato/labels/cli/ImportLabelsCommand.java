package io.moderato.labels.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.moderato.labels.ImportMapping;
import io.moderato.problem.ProblemException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;

/**
 * Uploads a labelled file to a running service as a site's history ({@code labels:import}), streaming it from disk,
 * then follows the import job and prints its report. Exits 0 when the import succeeded, 2 when the mapping or the
 * upload was refused (a mapping the service would refuse, an unknown key included, is refused before the upload).
 */
@Command(name = "import-labels", mixinStandardHelpOptions = true,
        description = "Import a site's labelled history (csv, tsv or jsonl; gzip is fine) into a running service.")
public final class ImportLabelsCommand implements Callable<Integer> {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Option(names = "--url", defaultValue = "http://127.0.0.1:8080", description = "The service (default: ${DEFAULT-VALUE}).")
    String url;

    @Option(names = "--key", defaultValue = "${env:MODERATO_BOOTSTRAP_ADMIN_KEY}", description = "An admin API key (default: $MODERATO_BOOTSTRAP_ADMIN_KEY).")
    String key;

    @Option(names = "--site", required = true, description = "The site the labels belong to.")
    String site;

    @Option(names = "--file", required = true, description = "The labelled file.")
    Path file;

    @Option(names = "--mapping", required = true, description = "The mapping, JSON: {\"format\", \"text\", \"labels\": {attribute: {\"column\", \"positive\"}}}.")
    String mapping;

    @Override
    public Integer call() throws Exception {
        // The service refuses a bad mapping only once the whole file has arrived: check it here first, with the
        // service's own reading, so that a misspelt key costs no upload.
        try {
            ImportMapping.parse(JSON.readTree(mapping));
        } catch (JsonProcessingException e) {
            System.err.println("refused: --mapping is not JSON: " + e.getOriginalMessage());
            return 2;
        } catch (ProblemException e) {
            e.errors().forEach(error -> System.err.println("refused: " + error.field() + ": " + error.reason()));
            return 2;
        }
        String boundary = "moderato-" + UUID.randomUUID();
        String head = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"mapping\"\r\n"
                + "Content-Type: application/json\r\n\r\n" + mapping + "\r\n--" + boundary
                + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + file.getFileName()
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n";
        HttpRequest.BodyPublisher body = HttpRequest.BodyPublishers.concat(
                HttpRequest.BodyPublishers.ofString(head, StandardCharsets.UTF_8),
                HttpRequest.BodyPublishers.ofFile(file),
                HttpRequest.BodyPublishers.ofString("\r\n--" + boundary + "--\r\n", StandardCharsets.UTF_8));
        HttpClient client = HttpClient.newHttpClient();
        long start = System.nanoTime();
        HttpResponse<String> accepted = client.send(HttpRequest.newBuilder(URI.create(url + "/api/v1/admin/sites/"
                        + site + "/labels:import")).header("Authorization", "Bearer " + key)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary).POST(body).build(),
                HttpResponse.BodyHandlers.ofString());
        if (accepted.statusCode() != 202) {
            System.err.println("refused (" + accepted.statusCode() + "): " + accepted.body());
            return 2;
        }
        String jobId = JSON.readTree(accepted.body()).path("jobId").asText();
        JsonNode job;
        while (true) {
            job = JSON.readTree(client.send(HttpRequest.newBuilder(URI.create(url + "/api/v1/admin/jobs/" + jobId))
                    .header("Authorization", "Bearer " + key).build(), HttpResponse.BodyHandlers.ofString()).body());
            if (List.of("SUCCEEDED", "FAILED", "CANCELLED").contains(job.path("status").asText())) {
                break;
            }
            Thread.sleep(500);
        }
        System.out.printf("import %s %s in %.1f s%n%s%n", jobId, job.path("status").asText(),
                (System.nanoTime() - start) / 1e9, job.path("result").toPrettyString());
        return "SUCCEEDED".equals(job.path("status").asText()) ? 0 : 1;
    }

    /** @param args command-line arguments, see {@code --help} */
    public static void main(String[] args) {
        System.exit(new CommandLine(new ImportLabelsCommand()).execute(args));
    }
}
