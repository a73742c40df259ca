package dev.gazette.comment.spam;

import dev.gazette.common.GazetteConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * An Akismet-compatible checker ({@code POST {url}/1.1/comment-check}, form-encoded; the answer
 * is {@code true} for spam, {@code false} for ham). Its verdict marks spam. When it is down, slow
 * or answers anything else, the comment is held for a moderator: never lost, never published
 * unchecked.
 */
@ApplicationScoped
public class AkismetClient {

    private static final Logger LOG = Logger.getLogger(AkismetClient.class);

    @Inject
    GazetteConfig config;

    private volatile HttpClient http;

    public boolean enabled() {
        return config.comments().spam().akismet().url().filter(u -> !u.isBlank()).isPresent();
    }

    public Verdict check(Candidate c) {
        GazetteConfig.Akismet akismet = config.comments().spam().akismet();
        Map<String, String> form = new LinkedHashMap<>();
        form.put("api_key", akismet.key().orElse(""));
        form.put("blog", akismet.site());
        form.put("user_ip", c.ip() == null ? "" : c.ip());
        form.put("user_agent", c.userAgent() == null ? "" : c.userAgent());
        form.put("referrer", c.referrer() == null ? "" : c.referrer());
        form.put("permalink", c.permalink() == null ? "" : c.permalink());
        form.put("comment_type", "comment");
        form.put("comment_author", c.authorName() == null ? "" : c.authorName());
        form.put("comment_author_email", c.authorEmail() == null ? "" : c.authorEmail());
        form.put("comment_author_url", c.authorUrl() == null ? "" : c.authorUrl());
        form.put("comment_content", c.content() == null ? "" : c.content());
        String body = form.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        String url = akismet.url().orElseThrow().replaceAll("/+$", "") + "/1.1/comment-check";
        try {
            HttpResponse<String> response = client().send(HttpRequest.newBuilder(URI.create(url))
                    .timeout(akismet.timeout())
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .header("User-Agent", "Gazette/1.0")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            String answer = response.body() == null ? "" : response.body().trim();
            if (response.statusCode() == 200 && answer.equals("true")) {
                return Verdict.of(Verdict.Outcome.SPAM, "spam checker: spam");
            }
            if (response.statusCode() == 200 && answer.equals("false")) {
                return Verdict.pass();
            }
            LOG.warnf("Spam checker answered %d '%s'; holding the comment for moderation", response.statusCode(),
                    answer.length() > 100 ? answer.substring(0, 100) : answer);
            return Verdict.of(Verdict.Outcome.HOLD, "spam checker gave no verdict (HTTP " + response.statusCode() + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Verdict.of(Verdict.Outcome.HOLD, "spam checker interrupted");
        } catch (Exception e) {
            LOG.warnf("Spam checker unreachable (%s); holding the comment for moderation", e.getClass().getSimpleName());
            return Verdict.of(Verdict.Outcome.HOLD, "spam checker unreachable or too slow");
        }
    }

    private HttpClient client() {
        if (http == null) {
            http = HttpClient.newBuilder().connectTimeout(config.comments().spam().akismet().timeout()).build();
        }
        return http;
    }
}
