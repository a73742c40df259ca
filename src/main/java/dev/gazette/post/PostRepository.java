package dev.gazette.post;

import dev.gazette.common.web.IdOrSlug;
import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Optional;

@ApplicationScoped
public class PostRepository implements PanacheRepository<Post> {

    public Optional<Post> find(IdOrSlug key) {
        return key.isId() ? findByIdOptional(key.id()) : find("slug", key.slug()).firstResultOptional();
    }

    public boolean slugTaken(String slug, Long exceptId) {
        return count("slug = ?1 and id <> ?2", slug, exceptId == null ? -1L : exceptId) > 0;
    }
}
