package dev.gazette.author;

import dev.gazette.common.Times;
import dev.gazette.common.GazetteConfig;
import dev.gazette.common.persistence.KeyType;
import dev.gazette.common.persistence.KeysetQuery;
import dev.gazette.common.persistence.SortOrder;
import dev.gazette.common.web.ApiException;
import dev.gazette.common.web.Cursor;
import dev.gazette.common.web.ListPage;
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
    private static final SortOrder OLDEST_FIRST = new SortOrder("tokens", List.of("t.id"), List.of(KeyType.LONG), false);

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

    /** Tokens, oldest first, keyset-paged by id: an admin's list holds every token, others' their own. */
    @Transactional
    public ListPage<TokenView> list(String cursor, int limit) {
        Principal me = caller.require();
        KeysetQuery query = new KeysetQuery("api_token t");
        if (!me.isAdmin()) {
            query.where("t.author_id = :me", "me", me.authorId());
        }
        Cursor c = cursor == null ? null : Cursor.decode(cursor, OLDEST_FIRST.name(), 1);
        KeysetQuery.Page page = query.page(tokens.getEntityManager(), OLDEST_FIRST, c, limit);
        List<ApiToken> loaded = page.ids().isEmpty() ? List.of() : page.inOrder(tokens.list("id in ?1", page.ids()), t -> t.id);
        return new ListPage<>(loaded.stream().map(TokenView::of).toList(), page.info());
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
