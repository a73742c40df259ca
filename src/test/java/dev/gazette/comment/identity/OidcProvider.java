package dev.gazette.comment.identity;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Starts a real OpenID provider ({@code src/test/js/oidc/provider.js}, the npm package
 * oidc-provider, installed with {@code npm ci}) on a free port before Quarkus starts, and configures
 * it as Gazette's sign-in provider. Without Node the tests that need it are skipped: the config
 * then carries {@code test-oidc.skip} with the reason.
 */
public class OidcProvider implements QuarkusTestResourceLifecycleManager {

    public static final String CLIENT = "gazette-web";
    public static final String PROVIDER_NAME = "Test ID";
    private static final File DIR = new File("src/test/js/oidc");

    private Process process;

    @Override
    public Map<String, String> start() {
        if (!works("node", "--version") || !works("npm", "--version")) {
            return Map.of("test-oidc.skip", "Node.js and npm are not installed: the sign-in tests need them to run oidc-provider");
        }
        try {
            if (!new File(DIR, "node_modules/oidc-provider/package.json").isFile()) {
                // never inheritIO: npm would share the test JVM's stdin, surefire's command channel, and set it
                // non-blocking ("std/in stream corrupted"); its output goes to a file instead of the native stream
                Process install = new ProcessBuilder("npm", "ci", "--no-audit", "--no-fund").directory(DIR)
                        .redirectOutput(new File("target/oidc-npm.log")).redirectErrorStream(true).start();
                if (!install.waitFor(5, TimeUnit.MINUTES) || install.exitValue() != 0) {
                    throw new IllegalStateException("npm ci in " + DIR + " failed (target/oidc-npm.log)");
                }
            }
            process = new ProcessBuilder("node", "provider.js").directory(DIR)
                    .redirectError(ProcessBuilder.Redirect.appendTo(new File("target/oidc-provider.log"))).start();
            BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
            String issuer = CompletableFuture.supplyAsync(() -> {
                try {
                    for (String line; (line = out.readLine()) != null; ) {
                        if (line.startsWith("READY ")) {
                            return line.substring(6).trim();
                        }
                    }
                    return null;
                } catch (IOException e) {
                    return null;
                }
            }).get(60, TimeUnit.SECONDS);
            if (issuer == null) {
                throw new IllegalStateException("the OpenID provider did not start");
            }
            return Map.of(
                    "gazette.comments.identity.providers[0].issuer", issuer,
                    "gazette.comments.identity.providers[0].audience", CLIENT,
                    "gazette.comments.identity.providers[0].name", PROVIDER_NAME,
                    "test-oidc.issuer", issuer);
        } catch (Exception e) {
            stop();
            throw new IllegalStateException("could not start the test OpenID provider: " + e.getMessage(), e);
        }
    }

    @Override
    public void stop() {
        if (process != null) {
            try {
                process.getOutputStream().close(); // the script exits when its stdin closes
            } catch (IOException ignored) {
                // it is destroyed below
            }
            process.destroy();
            process = null;
        }
    }

    private static boolean works(String... command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }
}
