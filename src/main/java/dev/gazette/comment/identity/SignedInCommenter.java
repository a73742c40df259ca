package dev.gazette.comment.identity;

import dev.gazette.common.Times;
import dev.gazette.common.web.ApiException;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The commenter signed in on this request: resolved lazily from the {@code X-Id-Token} header the
 * first time a service asks. A header that is present but not a valid ID token is a 401, never an
 * anonymous request. The identity's row is created at its first sign-in and its name, picture and
 * email follow the provider's claims at each one after.
 */
@RequestScoped
public class SignedInCommenter {

    private static final Duration LAST_SEEN_GRANULARITY = Duration.ofMinutes(10);

    /** What the services need to know about the signed-in commenter. */
    public record Ref(long id, String provider, String name, String picture, String email, boolean blocked) {
    }

    /** The HTTP request, if there is one (demo content and imports create comments outside any). */
    @Inject
    CurrentVertxRequest http;

    @Inject
    IdTokenVerifier verifier;

    @Inject
    CommenterRepository commenters;

    private Optional<Ref> current;

    /** The signed-in commenter, if the request carries an ID token; 401 when it carries a bad one. */
    public Optional<Ref> current() {
        if (current == null) {
            current = resolve();
        }
        return current;
    }

    public boolean present() {
        return current().isPresent();
    }

    /** The signed-in commenter, who must not be blocked; 401 without an ID token. */
    public Ref require() {
        Ref me = current().orElseThrow(IdTokenVerifier::missing);
        return requireNotBlocked(me);
    }

    /** 403 for a blocked identity. */
    public static Ref requireNotBlocked(Ref me) {
        if (me.blocked()) {
            throw ApiException.forbidden("This account has been blocked from commenting here.");
        }
        return me;
    }

    /** For work outside an HTTP request (tests, jobs): act as nobody signed in. */
    public void actAsNobody() {
        current = Optional.empty();
    }

    private Optional<Ref> resolve() {
        RoutingContext routing = http.getCurrent();
        String header = routing == null ? null : routing.request().getHeader(IdTokenVerifier.HEADER);
        if (header == null || header.isBlank()) {
            return Optional.empty();
        }
        String token = header.trim();
        if (token.regionMatches(true, 0, "Bearer ", 0, 7)) {
            token = token.substring(7).trim();
        }
        IdTokenVerifier.Identity identity = verifier.verify(token);
        return Optional.of(QuarkusTransaction.joiningExisting().call(() -> remember(identity)));
    }

    /** Creates the identity's row, or brings its name, picture and email up to date. */
    private Ref remember(IdTokenVerifier.Identity identity) {
        Instant now = Times.now();
        Commenter c = commenters.findIdentity(identity.issuer(), identity.subject()).orElse(null);
        if (c == null) {
            // two first sign-ins at once: the loser of the race finds the winner's row
            commenters.getEntityManager().createNativeQuery("""
                            insert into commenter (issuer, subject, provider, display_name, picture_url, email, created_at, last_seen_at)
                            values (:issuer, :subject, :provider, :name, :picture, :email, :now, :now) on conflict do nothing""")
                    .unwrap(org.hibernate.query.NativeQuery.class)
                    .setParameter("issuer", identity.issuer()).setParameter("subject", identity.subject())
                    .setParameter("provider", identity.provider()).setParameter("name", identity.name())
                    // typed: a null must be bound as text for PostgreSQL
                    .setParameter("picture", identity.picture(), String.class)
                    .setParameter("email", normalized(identity.email()), String.class)
                    .setParameter("now", now).executeUpdate();
            c = commenters.findIdentity(identity.issuer(), identity.subject()).orElseThrow();
        } else {
            String email = normalized(identity.email());
            if (!Objects.equals(c.displayName, identity.name()) || !Objects.equals(c.pictureUrl, identity.picture())
                    || !Objects.equals(c.email, email) || !Objects.equals(c.provider, identity.provider())) {
                c.displayName = identity.name();
                c.pictureUrl = identity.picture();
                c.email = email;
                c.provider = identity.provider();
                c.lastSeenAt = now;
            } else if (c.lastSeenAt.isBefore(now.minus(LAST_SEEN_GRANULARITY))) {
                c.lastSeenAt = now;
            }
        }
        return new Ref(c.id, c.provider, c.displayName, c.pictureUrl, c.email, c.blockedAt != null);
    }

    private static String normalized(String email) {
        return email == null || email.isBlank() ? null : email.trim().toLowerCase(java.util.Locale.ROOT);
    }
}
