package dev.gazette.wordpress;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gazette.Fixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * WordPress' own REST client, {@code wpapi} (pinned in {@code src/test/js/wpapi}), against the running
 * app: discovery, a paged list, filters by category and tag, get by id and by slug, terms, users,
 * comments and an error ({@code client.js}). npm installs it into a temporary directory; without Node.js
 * and npm the test is skipped, saying so.
 */
@QuarkusTest
class WpapiClientTest {

    private static final Path CLIENT = Path.of("src", "test", "js", "wpapi");

    @Test
    void wpapiReadsGazetteAsItReadsWordPress() throws Exception {
        Assumptions.assumeTrue(onPath("node") && onPath("npm"),
                "Node.js and npm are not installed: the wpapi client check (src/test/js/wpapi) is skipped");
        WordPressApiTest.Site s = WordPressApiTest.site();
        Fixtures.Actor moderator = Fixtures.actor("moderator");
        String email = Fixtures.knownEmail(s.second(), moderator);
        long comment = Fixtures.comment(s.first(), null, email, "Read by wpapi").getLong("id");
        String fixture = new ObjectMapper().writeValueAsString(Map.of(
                "posts", List.of(s.first(), s.second(), s.third()), "category", s.child(), "tag", s.tagA(),
                "author", s.author().authorId(), "comment", comment, "marker", s.marker(),
                "email", Fixtures.unique("wpapi") + "@example.com"));

        Path dir = Files.createTempDirectory("gazette-wpapi");
        try {
            for (String file : List.of("package.json", "package-lock.json", "client.js")) {
                Files.copy(CLIENT.resolve(file), dir.resolve(file));
            }
            Result install = run(dir, 300, "npm", "ci", "--no-audit", "--no-fund", "--loglevel=error");
            assertEquals(0, install.exit(), "npm ci failed:\n" + install.output());
            Result client = run(dir, 120, "node", "client.js", RestAssured.baseURI + ":" + RestAssured.port, fixture);
            assertEquals(0, client.exit(), "wpapi failed against /wp-json:\n" + client.output());
            assertTrue(client.output().contains("ok"), client.output());
        } finally {
            try (var files = Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            }
        }
    }

    private record Result(int exit, String output) {
    }

    private static Result run(Path dir, int seconds, String... command) throws IOException, InterruptedException {
        File log = dir.resolve("output.log").toFile();
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(log).start();
        if (!p.waitFor(seconds, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            return new Result(-1, "timed out after " + seconds + " s: " + String.join(" ", command));
        }
        return new Result(p.exitValue(), Files.readString(log.toPath(), StandardCharsets.UTF_8));
    }

    private static boolean onPath(String program) {
        try {
            Process p = new ProcessBuilder(program, "--version").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }
}
