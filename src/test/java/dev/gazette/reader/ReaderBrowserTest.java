package dev.gazette.reader;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gazette.Fixtures;
import dev.gazette.comment.identity.OidcProvider;
import dev.gazette.comment.identity.ProviderClient;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static dev.gazette.Fixtures.unique;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The reader site in a real browser: {@code src/test/js/browser/reader.js} drives Debian's Chromium
 * ({@code /usr/bin/chromium}, or {@code CHROMIUM}) with playwright-core (pinned in its package-lock.json,
 * installed with {@code npm ci} under {@code target/}): front page paging, category, tag and author pages, an
 * article with its credit line, nested comments and "Liked by N", a visitor commenting, replying, liking and
 * editing while a second browser context sees it live, "more replies" under a long thread, a commenter signing
 * in with the test OpenID provider ({@link OidcProvider}: its real login and consent pages, the code redeemed
 * by the page with PKCE) to comment, like, edit and delete as that identity, a page on another origin liking and
 * editing through CORS, and Swagger UI's "Try it out". Screenshots go to {@code target/reader-front-page.png}
 * and {@code target/reader-article.png}. Skipped, saying so, without Node.js, npm or Chromium
 * ({@code .ci/run} installs Chromium).
 */
@QuarkusTest
@WithTestResource(OidcProvider.class)
class ReaderBrowserTest {

    private static final Path SCRIPT = Path.of("src", "test", "js", "browser");
    private static final Path WORK = Path.of("target", "reader-browser");

    @Test
    void aReaderReadsCommentsLikesAndFollowsADiscussionInChromium() throws Exception {
        String chromium = System.getenv().getOrDefault("CHROMIUM", "/usr/bin/chromium");
        Assumptions.assumeTrue(onPath("node") && onPath("npm"),
                "Node.js and npm are not installed: the reader site's browser test (src/test/js/browser) is skipped");
        Assumptions.assumeTrue(new File(chromium).canExecute(),
                chromium + " is missing: the reader site's browser test is skipped (apt-get install chromium; .ci/run does)");
        ProviderClient.assumeProvider();

        Fixtures.Actor author = Fixtures.actor("author");
        Fixtures.Actor moderator = Fixtures.actor("moderator");
        String categoryName = "Russophobia " + unique("c");
        String categorySlug = unique("russophobia");
        Fixtures.asAdmin().body(Map.of("name", categoryName, "slug", categorySlug)).post("/api/v1/categories").then().statusCode(201);
        String tagName = "Cyber " + unique("t");
        String tagSlug = unique("cyber");
        Fixtures.asAdmin().body(Map.of("name", tagName, "slug", tagSlug)).post("/api/v1/tags").then().statusCode(201);

        List<String> titles = new ArrayList<>();
        for (int i = 1; i <= 12; i++) {
            String title = "Filed story " + i + " " + unique("s");
            Fixtures.publishedPost(author.token(), title, Map.of("categories", List.of(categorySlug)));
            titles.add(title);
        }
        String articleTitle = "Russian diplomats say Moscow not behind cyberattacks on US targets " + unique("a");
        Map<String, Object> article = Fixtures.publishedPost(author.token(), articleTitle, Map.of(
                "categories", List.of(categorySlug), "tags", List.of(tagSlug),
                "content", "<p>One day after the US accused Moscow of being behind cyberattacks on both government bodies and"
                        + " private business, the Russian Embassy in Washington has pointed the finger at the Americans.</p>",
                "source", Map.of("author", "Jonny Tickle", "outlet", "RT",
                        "url", "https://www.rt.com/russia/528034-embassy-cyberattacks/", "publishedAt", "2021-07-02T12:00:00Z")));
        titles.add(articleTitle);
        long articleId = Fixtures.postId(article);
        String email = Fixtures.knownEmail(articleId, moderator);
        long root = Fixtures.comment(articleId, null, email, "Are there any US cyber attacks on Russia?").getLong("id");
        long reply = Fixtures.comment(articleId, root, email, "I guess obsession is a bitch too.").getLong("id");
        given().header("X-Visitor-Id", UUID.randomUUID().toString()).put("/api/v1/comments/" + reply + "/like").then().statusCode(200);
        for (int i = 0; i < 2; i++) {
            given().header("X-Visitor-Id", UUID.randomUUID().toString()).put("/api/v1/posts/" + articleId + "/like").then().statusCode(200);
        }
        JsonPath editable = Fixtures.comment(articleId, null, email, "Edit me from elsewhere");

        // a thread longer than the first page of the discussion shows (the reader asks for 100 replies a page)
        Map<String, Object> busy = Fixtures.publishedPost(author.token(), "A busy thread " + unique("b"), Map.of());
        long busyId = Fixtures.postId(busy);
        long busyRoot = Fixtures.comment(busyId, null, email, "Who is to blame?").getLong("id");
        List<Long> busyReplies = new ArrayList<>();
        for (int i = 1; i <= 103; i++) {
            busyReplies.add(Fixtures.comment(busyId, busyRoot, email, "Reply number " + i + " " + unique("r")).getLong("id"));
        }

        // a signed-in commenter, known to moderation (one approved comment), so their next comments are published at once
        String sub = unique("reader");
        String signedInName = "Reader " + sub;
        long elsewhere = Fixtures.commentablePost();
        long known = given().header("X-Id-Token", ProviderClient.idToken(sub, signedInName, sub + "@mail.example", null))
                .contentType("application/json").body(Map.of("content", "My first signed-in words"))
                .post("/api/v1/posts/" + elsewhere + "/comments").then().statusCode(201).extract().jsonPath().getLong("id");
        Fixtures.as(moderator.token()).post("/api/v1/comments/" + known + "/approve").then().statusCode(200);

        Map<String, Object> fixture = new LinkedHashMap<>();
        fixture.put("marker", UUID.randomUUID().toString().substring(0, 8));
        fixture.put("category", Map.of("slug", categorySlug, "name", categoryName));
        fixture.put("categoryTitles", titles);
        fixture.put("tag", Map.of("slug", tagSlug, "name", tagName));
        fixture.put("author", Map.of("slug", author.slug()));
        fixture.put("articleId", articleId);
        fixture.put("articleSlug", article.get("slug"));
        fixture.put("articleTitle", articleTitle);
        fixture.put("root", root);
        fixture.put("reply", reply);
        fixture.put("email", email);
        fixture.put("editable", Map.of("id", editable.getLong("id"), "key", editable.getString("editKey")));
        fixture.put("busy", Map.of("slug", busy.get("slug"), "root", busyRoot, "replies", busyReplies));
        fixture.put("signIn", Map.of("sub", sub, "name", signedInName, "provider", OidcProvider.PROVIDER_NAME,
                "issuer", ProviderClient.issuer()));

        Files.createDirectories(WORK);
        for (String file : List.of("package.json", "package-lock.json", "reader.js")) {
            Files.copy(SCRIPT.resolve(file), WORK.resolve(file), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        if (!WORK.resolve("node_modules/playwright-core/package.json").toFile().isFile()) {
            Result install = run(WORK, 300, Map.of(), "npm", "ci", "--no-audit", "--no-fund", "--loglevel=error");
            assertEquals(0, install.exit(), "npm ci failed:\n" + install.output());
        }
        Result browser = run(WORK, 300, Map.of("CHROMIUM", chromium), "node", "reader.js",
                RestAssured.baseURI + ":" + RestAssured.port, new ObjectMapper().writeValueAsString(fixture),
                Path.of("target").toAbsolutePath().toString());
        assertEquals(0, browser.exit(), "the browser run failed:\n" + browser.output());
        assertTrue(browser.output().contains("ok"), browser.output());
        assertTrue(Path.of("target", "reader-front-page.png").toFile().length() > 0);
        assertTrue(Path.of("target", "reader-article.png").toFile().length() > 0);
    }

    private record Result(int exit, String output) {
    }

    /** Runs a command with its output in a file under target/ (never the test JVM's stdin or stdout). */
    private static Result run(Path dir, int seconds, Map<String, String> env, String... command) throws IOException, InterruptedException {
        File log = dir.resolve("output.log").toFile();
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).redirectOutput(log);
        builder.environment().putAll(env);
        Process p = builder.start();
        if (!p.waitFor(seconds, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            return new Result(-1, "timed out after " + seconds + " s: " + String.join(" ", command) + "\n"
                    + Files.readString(log.toPath(), StandardCharsets.UTF_8));
        }
        return new Result(p.exitValue(), Files.readString(log.toPath(), StandardCharsets.UTF_8));
    }

    private static boolean onPath(String program) {
        try {
            Process p = new ProcessBuilder(program, "--version").redirectErrorStream(true)
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }
}
