package dev.gazette.author;

import dev.gazette.common.Times;
import dev.gazette.common.GazetteConfig;
import dev.gazette.common.web.ApiException;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class TokenService {

    private static final Logger LOG = Logger.getLogger(TokenService.class);
    private static final Duration LAST_USED_GRANULARITY = Duration.ofMinutes(10);

    @Inject
    ApiTokenRepository tokens;

    @Inject
    AuthorRepository authors;

    @Inject
    GazetteConfig config;

    @Inject
    Caller caller;

    @Transactional
    public Optional<Principal> authenticate(String secret) {
        return tokens.findActiveByHash(Tokens.hash(secret)).map(token -> {
            Instant now = Times.now();
            if (token.lastUsedAt == null || token.lastUsedAt.isBefore(now.minus(LAST_USED_GRANULARITY))) {
                token.lastUsedAt = now;
            }
            return new Principal(token.author.id, token.author.role, token.id);
        });
    }

    /** Mints a token for an author (an admin for anyone, others for themselves); the secret is returned once. */
    @Transactional
    public TokenView.Created mint(TokenView.Input input) {
        Principal me = caller.require();
        long authorId = input.authorId() == null ? me.authorId() : input.authorId();
        if (authorId != me.authorId() && !me.isAdmin()) {
            throw ApiException.forbidden("Only an admin may create tokens for another author.");
        }
        Author author = authors.findByIdOptional(authorId)
                .orElseThrow(() -> ApiException.invalid("authorId", "no author with id " + authorId));
        String secret = Tokens.newSecret();
        ApiToken token = save(author, input.name().trim(), secret);
        return TokenView.Created.of(token, secret);
    }

    @Transactional
    public List<TokenView> list() {
        Principal me = caller.require();
        return tokens.listFor(me.isAdmin() ? null : me.authorId()).stream().map(TokenView::of).toList();
    }

    @Transactional
    public void revoke(long id) {
        Principal me = caller.require();
        ApiToken token = tokens.findByIdOptional(id).orElseThrow(() -> ApiException.notFound("Token", id));
        if (!me.isAdmin() && token.author.id != me.authorId()) {
            throw ApiException.notFound("Token", id);
        }
        if (token.revokedAt == null) {
            token.revokedAt = Times.now();
        }
    }

    /**
     * The first admin: the token from {@code gazette.auth.bootstrap-token} (GAZETTE_ADMIN_TOKEN) is
     * registered if it is not yet; without one, a token is generated once, when no token exists,
     * and written to the log a single time.
     */
    void bootstrap(@Observes @Priority(1) StartupEvent event) {
        QuarkusTransaction.requiringNew().run(() -> {
            Optional<String> configured = config.auth().bootstrapToken().filter(t -> !t.isBlank());
            if (configured.isPresent()) {
                if (tokens.count("tokenHash", Tokens.hash(configured.get())) == 0) {
                    save(bootstrapAdmin(), "bootstrap (GAZETTE_ADMIN_TOKEN)", configured.get());
                }
                return;
            }
            if (tokens.count() == 0) {
                String secret = Tokens.newSecret();
                save(bootstrapAdmin(), "bootstrap (generated)", secret);
                LOG.warnf("""
                        
                        ==========================================================================
                         Gazette generated the first admin token. It is shown this once only:
                           %s
                         Use it as 'Authorization: Bearer <token>' to create authors and tokens.
                        ==========================================================================""", secret);
            }
        });
    }

    /** The first admin, as a principal for work done by Gazette itself (demo content, imports). */
    @Transactional
    public Principal systemAdmin() {
        Author admin = bootstrapAdmin();
        return new Principal(admin.id, Role.ADMIN, 0);
    }

    private Author bootstrapAdmin() {
        return authors.find("role = ?1 order by id", Role.ADMIN).firstResultOptional().orElseGet(() -> {
            Author admin = new Author();
            admin.slug = authors.slugTaken("admin", null) ? "gazette-admin" : "admin";
            admin.displayName = "Administrator";
            admin.role = Role.ADMIN;
            admin.createdAt = Times.now();
            admin.updatedAt = admin.createdAt;
            authors.persist(admin);
            return admin;
        });
    }

    private ApiToken save(Author author, String name, String secret) {
        ApiToken token = new ApiToken();
        token.author = author;
        token.name = name;
        token.tokenHash = Tokens.hash(secret);
        token.tokenPrefix = Tokens.prefix(secret);
        token.createdAt = Times.now();
        tokens.persist(token);
        return token;
    }
}
