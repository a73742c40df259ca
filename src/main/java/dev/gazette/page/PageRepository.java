package dev.gazette.page;

import dev.gazette.common.web.IdOrSlug;
import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Optional;

@ApplicationScoped
public class PageRepository implements PanacheRepository<Page> {

    public Optional<Page> find(IdOrSlug key) {
        return key.isId() ? findByIdOptional(key.id()) : find("slug", key.slug()).firstResultOptional();
    }

    public Optional<Page> byPath(String path) {
        return find("path", path).firstResultOptional();
    }

    public boolean slugTaken(String slug, Long exceptId) {
        return count("slug = ?1 and id <> ?2", slug, exceptId == null ? -1L : exceptId) > 0;
    }
}
