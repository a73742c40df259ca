package dev.gazette.resolve;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The links a post or page had on the WordPress site it was imported from: the path of its
 * permalink and its WordPress id (for {@code ?p=123} and {@code ?page_id=12}). Written by the
 * importer, read by {@link ResolveService}.
 */
@ApplicationScoped
public class OldLinks {

    /** What an old link leads to. */
    @org.eclipse.microprofile.openapi.annotations.media.Schema(name = "ResolvedType", description = "post or page")
    public enum Kind {
        POST, PAGE;

        @com.fasterxml.jackson.annotation.JsonValue
        public String json() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    @Inject
    EntityManager em;

    /**
     * Remembers where an imported object lived (replacing what was remembered for it): the path of
     * {@code permalink} (an absolute URL or a path; a permalink that is only {@code /?p=123} keeps no
     * path), its WordPress id, and the permalink itself when it is an absolute http(s) URL (the {@code link}
     * the WordPress-compatible API shows).
     */
    public void remember(Kind kind, long id, String permalink, long wpId, String site) {
        String path = pathKey(pathOf(permalink));
        String link = permalink == null ? null : permalink.trim();
        if (link != null && (link.length() > 2000 || !link.matches("(?i)https?://[^\\s]+"))) {
            link = null;
        }
        em.createNativeQuery("delete from old_link where object_type = :type and object_id = :id")
                .setParameter("type", kind.name()).setParameter("id", id).executeUpdate();
        var insert = em.createNativeQuery("insert into old_link (object_type, object_id, path_key, wp_id, site, permalink)"
                        + " values (:type, :id, " + (path == null ? "null" : ":path") + ", :wp, :site, " + (link == null ? "null" : ":link") + ")")
                .setParameter("type", kind.name()).setParameter("id", id).setParameter("wp", wpId)
                .setParameter("site", site == null ? "" : site);
        if (path != null) {
            insert.setParameter("path", path);
        }
        if (link != null) {
            insert.setParameter("link", link);
        }
        insert.executeUpdate();
    }

    /** The path part of a URL or path ({@code https://example.org/2020/03/x/?a=b} gives {@code /2020/03/x/}), or null. */
    static String pathOf(String link) {
        if (link == null || link.isBlank()) {
            return null;
        }
        String s = link.trim();
        int scheme = s.indexOf("://");
        if (scheme > 0 && scheme < 10) {
            int slash = s.indexOf('/', scheme + 3);
            s = slash < 0 ? "/" : s.substring(slash);
        }
        int cut = indexOfAny(s, '?', '#');
        return cut < 0 ? s : s.substring(0, cut);
    }

    /**
     * A path as it is compared: percent-decoded, lower case, one leading slash, no trailing slash,
     * no doubled slashes; null for the site root or nothing (the root is no old link).
     */
    static String pathKey(String path) {
        if (path == null) {
            return null;
        }
        String s;
        try {
            s = URLDecoder.decode(path.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            s = path;
        }
        s = s.toLowerCase(Locale.ROOT).replaceAll("/{2,}", "/").replaceAll("/+$", "");
        if (!s.startsWith("/")) {
            s = "/" + s;
        }
        return s.equals("/") || s.length() > 2000 ? null : s;
    }

    /** The query string of a URL or path, or null. */
    static String queryOf(String link) {
        int q = link.indexOf('?');
        if (q < 0) {
            return null;
        }
        int hash = link.indexOf('#', q);
        return hash < 0 ? link.substring(q + 1) : link.substring(q + 1, hash);
    }

    private static int indexOfAny(String s, char a, char b) {
        int i = s.indexOf(a);
        int j = s.indexOf(b);
        return i < 0 ? j : j < 0 ? i : Math.min(i, j);
    }
}
