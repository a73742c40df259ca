package dev.gazette.taxonomy;

import dev.gazette.common.web.ApiException;
import dev.gazette.common.web.IdOrSlug;
import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Optional;

@ApplicationScoped
public class TagRepository implements PanacheRepository<Tag> {

    public Optional<Tag> find(IdOrSlug key) {
        return key.isId() ? findByIdOptional(key.id()) : find("slug", key.slug()).firstResultOptional();
    }

    public Tag get(IdOrSlug key) {
        return find(key).orElseThrow(() -> ApiException.notFound("Tag", key));
    }

    public boolean slugTaken(String slug, Long exceptId) {
        return count("slug = ?1 and id <> ?2", slug, exceptId == null ? -1L : exceptId) > 0;
    }
}
