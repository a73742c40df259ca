package dev.gazette.common.edge;

import dev.gazette.Fixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static dev.gazette.Fixtures.asAdmin;
import static dev.gazette.Fixtures.unique;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Gazette behind a real Varnish (Debian's varnish with varnish-modules' xkey), started with the
 * shipped deploy/varnish/run.sh and gazette.vcl: answers are cached there and purged by key when a
 * write commits, so the writer's very next read through Varnish shows every kind of write; a purge
 * Varnish refuses is retried until it is accepted. Skipped where Varnish is not installed, except in
 * CI ({@code CI=true}), whose script installs it.
 */
@QuarkusTest
@TestProfile(VarnishTest.BehindVarnish.class)
class VarnishTest {

    private static final String PORT_PROPERTY = "varnish-test.port";

    public static class BehindVarnish implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "gazette.http.edge.purge-urls", "http://127.0.0.1:" + varnishPort() + "/",
                    "gazette.http.cache-control", "public, max-age=60, s-maxage=3600, stale-while-revalidate=30, stale-if-error=86400",
                    "gazette.http.edge.purge-backoff", "100ms",
                    "gazette.http.edge.purge-max-backoff", "400ms",
                    "gazette.http.edge.fallback-s-maxage", "5s");
        }
    }

    /** One port for the whole run, shared by the profile and the test through a system property (one JVM, two class loaders). */
    static synchronized int varnishPort() {
        String port = System.getProperty(PORT_PROPERTY);
        if (port == null) {
            try (ServerSocket s = new ServerSocket(0)) {
                port = String.valueOf(s.getLocalPort());
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            System.setProperty(PORT_PROPERTY, port);
        }
        return Integer.parseInt(port);
    }

    private static Path workdir;

    @BeforeEach
    void varnishInFront() throws Exception {
        synchronized (VarnishTest.class) {
            if (workdir != null) {
                return;
            }
            String missing = missing();
            if (missing != null) {
                if ("true".equals(System.getenv("CI"))) {
                    throw new IllegalStateException(missing + " (.ci/run installs varnish and varnish-modules)");
                }
                Assumptions.abort(missing + ": install Debian's varnish and varnish-modules to run the Varnish tests");
            }
            Path dir = Files.createTempDirectory("gazette-varnish");
            Process run = new ProcessBuilder("bash", "deploy/varnish/run.sh", "--listen", "127.0.0.1:" + varnishPort(),
                    "--backend", "127.0.0.1:" + RestAssured.port, "--purger", "127.0.0.1", "--workdir", dir.toString(),
                    "--memory", "32m").redirectErrorStream(true).start();
            String said = new String(run.getInputStream().readAllBytes());
            assertTrue(run.waitFor(60, TimeUnit.SECONDS) && run.exitValue() == 0, "deploy/varnish/run.sh failed: " + said);
            workdir = dir;
            await(Duration.ofSeconds(20), () -> {
                try {
                    return through().get("/q/health/live").statusCode() == 200;
                } catch (RuntimeException notYet) {
                    return false;
                }
            });
        }
    }

    @AfterAll
    static void stopVarnish() throws Exception {
        if (workdir != null) {
            Path pid = workdir.resolve("varnishd.pid");
            if (Files.exists(pid)) {
                new ProcessBuilder("kill", Files.readString(pid).trim()).start().waitFor();
            }
        }
    }

    private static String missing() {
        if (!new File("/usr/sbin/varnishd").canExecute() && !onPath("varnishd")) {
            return "varnishd is not installed";
        }
        boolean xkey = List.of("/usr/lib/x86_64-linux-gnu/varnish/vmods/libvmod_xkey.so",
                "/usr/lib/aarch64-linux-gnu/varnish/vmods/libvmod_xkey.so").stream().anyMatch(p -> new File(p).exists());
        return xkey ? null : "the xkey module (varnish-modules) is not installed";
    }

    private static boolean onPath(String command) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (new File(dir, command).canExecute()) {
                return true;
            }
        }
        return false;
    }

    /** A request through Varnish. */
    private static RequestSpecification through() {
        return given().baseUri("http://127.0.0.1").port(varnishPort());
    }

    @Test
    void readsThroughVarnishAreHitsAndAnswersNameTheirKeys() {
        long post = Fixtures.commentablePost();
        // straight from Gazette: the keys, in the three headers, and a long s-maxage
        given().get("/api/v1/posts/" + post).then().statusCode(200)
                .header("xkey", containsString("post:" + post))
                .header("Surrogate-Key", containsString("post:" + post))
                .header("Cache-Tag", containsString("post:" + post))
                .header("Cache-Control", containsString("s-maxage=3600"));
        through().get("/api/v1/posts/" + post).then().statusCode(200).header("X-Varnish-Cache", "MISS");
        through().get("/api/v1/posts/" + post).then().statusCode(200).header("X-Varnish-Cache", "HIT")
                .header("xkey", nullValue()).body("id", equalTo((int) post));
        // a token's answer is personal: never a hit, never stored
        through().header("Authorization", "Bearer " + Fixtures.ADMIN_TOKEN).get("/api/v1/posts/" + post).then().statusCode(200)
                .header("X-Varnish-Cache", "MISS").header("Cache-Control", "private, no-cache");
    }

    @Test
    void everyKindOfWriteShowsOnTheNextReadThroughVarnish() {
        long category = Fixtures.category(unique("Edge desk"), null);
        // a list of this test's own (other tests' sticky posts lead the front page)
        String list = "/api/v1/posts?category=" + category + "&limit=5";
        long post = Fixtures.postId(Fixtures.publishedPost(Fixtures.ADMIN_TOKEN, unique("edge"),
                Map.of("categories", List.of(String.valueOf(category)))));
        String path = "/api/v1/posts/" + post;
        warm(path);
        warm(list);
        warm(path + "/comments");
        warm("/api/v1/categories/" + category);

        // an edit of the post
        asAdmin().contentType("application/merge-patch+json").body(Map.of("title", "Edited through the API")).patch(path)
                .then().statusCode(200);
        through().get(path).then().statusCode(200).body("title", equalTo("Edited through the API"));

        // a new post at the top of the lists
        long newer = Fixtures.postId(Fixtures.publishedPost(Fixtures.ADMIN_TOKEN, unique("edge-new"),
                Map.of("categories", List.of(String.valueOf(category)))));
        through().get(list).then().statusCode(200).body("items.id", hasItem((int) newer));

        // a comment (approved at once: the newsroom's token) in the tree and in the post's count
        asAdmin().body(Map.of("content", "A reply from the newsroom")).post(path + "/comments").then().statusCode(201);
        through().get(path + "/comments").then().statusCode(200).body("items.contentHtml", hasItem(containsString("from the newsroom")));
        through().get(path).then().statusCode(200).body("commentCount", equalTo(1));

        // a like
        given().header("X-Visitor-Id", UUID.randomUUID().toString()).put(path + "/like").then().statusCode(200);
        through().get(path).then().statusCode(200).body("likeCount", equalTo(1));

        // a category renamed (names are unique: the database may hold an earlier run's)
        String renamed = unique("Renamed desk");
        asAdmin().contentType("application/merge-patch+json").body(Map.of("name", renamed))
                .patch("/api/v1/categories/" + category).then().statusCode(200);
        through().get("/api/v1/categories/" + category).then().statusCode(200).body("name", equalTo(renamed));

        // the post deleted
        asAdmin().delete(path).then().statusCode(204);
        through().get(path).then().statusCode(404);
    }

    @Test
    void aPurgeVarnishRefusesIsRetriedUntilItIsAccepted() throws Exception {
        long post = Fixtures.commentablePost();
        String path = "/api/v1/posts/" + post;
        String title = asAdmin().get(path).then().extract().path("title");
        warm(path);
        double failedBefore = failedPurges();

        // the same VCL with an address list that does not hold Gazette's: every purge is refused (403)
        Path refusing = Files.createDirectories(workdir.resolve("refusing"));
        Files.copy(workdir.resolve("gazette.vcl"), refusing.resolve("gazette.vcl"), StandardCopyOption.REPLACE_EXISTING);
        Files.writeString(refusing.resolve("site.vcl"), Files.readString(workdir.resolve("site.vcl"))
                .replace("\"127.0.0.1\";", "\"192.0.2.1\";"));
        String name = "refusing" + System.nanoTime();
        varnishadm("vcl.load", name, refusing.resolve("gazette.vcl").toString());
        varnishadm("vcl.use", name);
        try {
            asAdmin().contentType("application/merge-patch+json").body(Map.of("title", "Changed while purges fail")).patch(path)
                    .then().statusCode(200);
            // Varnish still holds the old answer: the purge was refused ...
            through().get(path).then().statusCode(200).header("X-Varnish-Cache", "HIT").body("title", equalTo(title));
            assertTrue(failedPurges() > failedBefore, "refused purges are counted");
            // ... and meanwhile what Gazette sends may be kept only briefly
            given().get("/api/v1/posts?limit=1").then().statusCode(200).header("Cache-Control", containsString("s-maxage=5"));
        } finally {
            varnishadm("vcl.use", "boot");
        }
        // accepted again: the retry purges it, and the cache shows the change
        await(Duration.ofSeconds(10), () -> "Changed while purges fail".equals(through().get(path).then().extract().path("title")));
        await(Duration.ofSeconds(5), () -> given().get("/api/v1/posts?limit=1").header("Cache-Control").contains("s-maxage=3600"));
    }

    private static void warm(String path) {
        through().get(path).then().statusCode(200);
        through().get(path).then().statusCode(200).header("X-Varnish-Cache", "HIT");
    }

    private static double failedPurges() {
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        return metrics.lines().filter(l -> l.startsWith("gazette_edge_purges_total") && l.contains("result=\"failed\""))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
    }

    private static void varnishadm(String... command) throws Exception {
        String[] args = new String[command.length + 3];
        args[0] = "varnishadm";
        args[1] = "-n";
        args[2] = workdir.resolve("state").toString();
        System.arraycopy(command, 0, args, 3, command.length);
        Process p = new ProcessBuilder(args).redirectErrorStream(true).start();
        String said = new String(p.getInputStream().readAllBytes());
        assertTrue(p.waitFor(30, TimeUnit.SECONDS), "varnishadm did not end");
        assertEquals(0, p.exitValue(), "varnishadm " + String.join(" ", command) + ": " + said);
    }

    private static void await(Duration limit, java.util.function.BooleanSupplier condition) {
        long end = System.nanoTime() + limit.toNanos();
        while (!condition.getAsBoolean()) {
            assertFalse(System.nanoTime() > end, "not within " + limit);
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
