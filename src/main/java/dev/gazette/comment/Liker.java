package dev.gazette.comment;

import dev.gazette.author.Caller;
import dev.gazette.comment.identity.SignedInCommenter;
import dev.gazette.common.text.Hashes;
import dev.gazette.common.web.ApiException;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Who likes something: the author behind a token ({@code a:<id>}), a signed-in commenter
 * ({@code c:<id>}), or an anonymous visitor
 * identified by a client-made id sent as {@code X-Visitor-Id} ({@code v:<hash>}). The visitor id
 * is stored hashed. It is only as strong as the client keeps it: a visitor who clears it can
 * like again; that is the usual limit of anonymous likes.
 */
public record Liker(String key) {

    public static final String HEADER = dev.gazette.common.web.HttpCaching.VISITOR_HEADER;
    /** The key prefix of a signed-in commenter's likes. */
    public static final String COMMENTER_PREFIX = "c:";
    private static final Pattern VISITOR = Pattern.compile("^[A-Za-z0-9_-]{8,64}$");

    /** The liker of this request, if it has a token or a visitor id. */
    public static Optional<Liker> of(Caller caller, String visitorId) {
        return of(caller, null, visitorId);
    }

    /**
     * The liker of this request: a token's author, a signed-in commenter ({@code c:<id>}, the same on
     * every device; a bad ID token is a 401), or a visitor id.
     */
    public static Optional<Liker> of(Caller caller, SignedInCommenter signedIn, String visitorId) {
        if (caller.isAuthenticated()) {
            return Optional.of(new Liker("a:" + caller.principal().orElseThrow().authorId()));
        }
        Optional<SignedInCommenter.Ref> commenter = signedIn == null ? Optional.empty() : signedIn.current();
        if (commenter.isPresent()) {
            return Optional.of(new Liker(COMMENTER_PREFIX + commenter.get().id()));
        }
        if (visitorId == null || visitorId.isBlank()) {
            return Optional.empty();
        }
        if (!VISITOR.matcher(visitorId.trim()).matches()) {
            throw ApiException.badRequest(HEADER, "must be 8 to 64 letters, digits, '-' or '_' (a UUID works)");
        }
        return Optional.of(new Liker("v:" + Hashes.sha256Hex(visitorId.trim()).substring(0, 40)));
    }

    public static Liker require(Caller caller, String visitorId) {
        return require(caller, null, visitorId);
    }

    /** The liker of a like or unlike: a blocked commenter may not like. */
    public static Liker require(Caller caller, SignedInCommenter signedIn, String visitorId) {
        if (signedIn != null && !caller.isAuthenticated()) {
            signedIn.current().ifPresent(SignedInCommenter::requireNotBlocked);
        }
        return of(caller, signedIn, visitorId).orElseThrow(() -> ApiException.badRequest(HEADER,
                "send a visitor id (X-Visitor-Id: <uuid>) or an API token to like"));
    }
}
