package dev.gazette.author;

import dev.gazette.common.web.ApiException;
import dev.gazette.common.web.IdOrSlug;
import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Optional;

@ApplicationScoped
public class AuthorRepository implements PanacheRepository<Author> {

    public Optional<Author> findBySlug(String slug) {
        return find("slug", slug).firstResultOptional();
    }

    public Author get(IdOrSlug key) {
        Optional<Author> author = key.isId() ? findByIdOptional(key.id()) : findBySlug(key.slug());
        return author.orElseThrow(() -> ApiException.notFound("Author", key));
    }

    public boolean slugTaken(String slug, Long exceptId) {
        return count("slug = ?1 and id <> ?2", slug, exceptId == null ? -1L : exceptId) > 0;
    }
}
