package dev.gazette.post;

import dev.gazette.author.Caller;
import dev.gazette.author.Principal;
import dev.gazette.author.Role;
import dev.gazette.common.web.ApiException;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.github.bucket4j.Bucket;
import io.quarkus.scheduler.Scheduled;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Who may read what a post's password protects: its content and excerpt ({@link PostService}) and its
 * discussion. As in WordPress, the comments of a protected post are neither shown nor accepted without
 * the password: reading or posting them needs the password in {@code X-Post-Password}, a token that may
 * edit the post, or a moderator's (who sees every comment anyway). Site-wide comment lists and feeds
 * leave them out ({@link #OPEN_SQL}).
 */
@ApplicationScoped
public class PostProtection {

    /** The condition, on {@code post p}, of posts whose comments may be listed to everyone. */
    public static final String OPEN_SQL = "p.password_hash is null";

    @Inject
    Caller caller;

    @Inject
    CurrentVertxRequest current;

    @Inject
    PasswordGuessConfig guesses;

    /** Wrong-password buckets per client address ({@link PasswordGuessConfig}). */
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    /**
     * Whether the caller may edit a post of this author (editors and admins any, authors their own): they
     * see drafts, and what a post's password protects without it.
     */
    public boolean mayEdit(long authorId) {
        Optional<Principal> me = caller.principal();
        return me.isPresent() && (me.get().role().editsAllContent()
                || (me.get().role() == Role.AUTHOR && authorId == me.get().authorId()));
    }

    /** The password the current request carries, or null (absent or empty). */
    public String password() {
        RoutingContext routing = current.getCurrent();
        String password = routing == null ? null : routing.request().getHeader(PostPassword.HEADER);
        return password == null || password.isEmpty() ? null : password;
    }

    /**
     * Lets the caller at the discussion of a post with this password hash (null: not protected) and author.
     *
     * @throws ApiException 403 without the password ({@code post-password-required}) or with a wrong one
     */
    public void requireDiscussion(String passwordHash, long authorId, String slug) {
        if (passwordHash == null || mayEdit(authorId)) {
            return;
        }
        String password = password();
        if (password == null) {
            throw new ApiException(403, "post-password-required", "Password required", "Post '" + slug
                    + "' is password-protected: its comments need its password in the " + PostPassword.HEADER + " header.", null);
        }
        verify(passwordHash, password, slug);
    }

    /**
     * Checks a reader's password for a protected post or page. Wrong passwords are counted per client
     * address: over {@code gazette.post-passwords.rate-limit} the answer is 429 with Retry-After, decided
     * before the password is hashed (each check costs a PBKDF2).
     *
     * @throws ApiException 403 ({@code incorrect-post-password}) for a wrong password, 429 over the limit
     */
    public void verify(String passwordHash, String password, String slug) {
        PasswordGuessConfig.RateLimit limit = guesses.rateLimit();
        Bucket bucket = null;
        if (limit.enabled()) {
            bucket = buckets.computeIfAbsent(clientAddress(), k -> Bucket.builder()
                    .addLimit(l -> l.capacity(limit.capacity()).refillGreedy(limit.refillTokens(), limit.refillPeriod()))
                    .build());
            if (bucket.getAvailableTokens() < 1) {
                long nanos = bucket.estimateAbilityToConsume(1).getNanosToWaitForRefill();
                long seconds = Math.max(1, TimeUnit.NANOSECONDS.toSeconds(nanos + 999_999_999L));
                throw ApiException.tooManyRequests("Too many wrong post passwords from your address; retry in " + seconds + " s.", seconds);
            }
        }
        if (!PostPassword.matches(passwordHash, password)) {
            if (bucket != null) {
                bucket.tryConsume(1);
            }
            throw incorrectPassword(slug);
        }
    }

    private String clientAddress() {
        RoutingContext routing = current.getCurrent();
        return routing == null || routing.request().remoteAddress() == null ? "unknown" : routing.request().remoteAddress().host();
    }

    /** Full buckets carry no state worth keeping: forget them so the map stays small. */
    @Scheduled(every = "5m")
    void forgetIdleClients() {
        long capacity = guesses.rateLimit().capacity();
        buckets.values().removeIf(b -> b.getAvailableTokens() >= capacity);
    }

    /**
     * 403, as WordPress answers a wrong post password ({@code rest_post_incorrect_password}): the reader is
     * known to the server as anyone else, and a 401 would have to challenge for an HTTP authentication
     * scheme (Bearer) that is not what is missing.
     */
    static ApiException incorrectPassword(String slug) {
        return new ApiException(403, "incorrect-post-password", "Incorrect password",
                "The " + PostPassword.HEADER + " header does not hold the password of post '" + slug + "'.", null);
    }
}
