package dev.gazette.author;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Optional;

@ApplicationScoped
public class ApiTokenRepository implements PanacheRepository<ApiToken> {

    public Optional<ApiToken> findActiveByHash(String hash) {
        return find("select t from ApiToken t join fetch t.author where t.tokenHash = ?1 and t.revokedAt is null", hash)
                .firstResultOptional();
    }
}
