package dev.gazette.resolve;

import dev.gazette.common.Times;
import dev.gazette.common.web.AnswerKeys;
import dev.gazette.common.web.ApiException;
import dev.gazette.common.web.ContentKeys;
import dev.gazette.page.PageService;
import dev.gazette.post.PostStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Which public post or page a path names, for a front-end's redirects: WordPress's {@code ?p=} and
 * {@code ?page_id=} forms, the permalinks of imported posts and pages, a page's path, and a post's
 * slug on its own. Only public content is named: a draft's old link is as unknown as a wrong one.
 */
@ApplicationScoped
public class ResolveService {

    @Inject
    EntityManager em;

    @Inject
    AnswerKeys answer;

    /** A found object before its visibility is checked. */
    private record Candidate(OldLinks.Kind kind, long id, ResolveView.Via via) {
    }

    public ResolveView resolve(String raw) {
        // any post or page becoming public, leaving, or changing its slug or path moves these
        answer.shows(ContentKeys.POST_LISTS, ContentKeys.PAGE_LISTS);
        String link = raw.trim();
        List<Candidate> candidates = new ArrayList<>();
        Map<String, String> query = parameters(OldLinks.queryOf(link));
        Long pageId = number(query.get("page_id"));
        Long postId = number(query.get("p"));
        if (pageId != null) {
            candidates.addAll(byWordPressId(pageId, OldLinks.Kind.PAGE));
        }
        if (postId != null) {
            candidates.addAll(byWordPressId(postId, OldLinks.Kind.POST));
        }
        String path = OldLinks.pathKey(OldLinks.pathOf(link));
        if (path != null) {
            candidates.addAll(byPermalink(path));
            String pagePath = PageService.normalizePath(path);
            if (pagePath != null) {
                ids("select id from page where path = :path", Map.of("path", pagePath))
                        .forEach(id -> candidates.add(new Candidate(OldLinks.Kind.PAGE, id, ResolveView.Via.PAGE_PATH)));
                if (!pagePath.contains("/")) {
                    ids("select id from post where slug = :slug", Map.of("slug", pagePath))
                            .forEach(id -> candidates.add(new Candidate(OldLinks.Kind.POST, id, ResolveView.Via.POST_SLUG)));
                }
            }
        }
        for (Candidate c : candidates) {
            ResolveView found = ifPublic(c);
            if (found != null) {
                answer.shows(c.kind() == OldLinks.Kind.POST ? ContentKeys.post(c.id()) : ContentKeys.page(c.id()));
                return found;
            }
        }
        throw new ApiException(404, "not-found", "Not found", "Nothing public is known at '" + link + "'.", null);
    }

    /** The objects with this WordPress id, those of the preferred kind first (a post id also names a page in WordPress). */
    private List<Candidate> byWordPressId(long wpId, OldLinks.Kind preferred) {
        List<Candidate> found = new ArrayList<>();
        for (Object[] r : rows("select object_type, object_id from old_link where wp_id = :wp order by object_id desc", Map.of("wp", wpId))) {
            found.add(new Candidate(OldLinks.Kind.valueOf((String) r[0]), ((Number) r[1]).longValue(), ResolveView.Via.WORDPRESS_ID));
        }
        found.sort((a, b) -> Boolean.compare(a.kind() != preferred, b.kind() != preferred));
        return found;
    }

    private List<Candidate> byPermalink(String pathKey) {
        List<Candidate> found = new ArrayList<>();
        for (Object[] r : rows("select object_type, object_id from old_link where path_key = :path order by object_id desc",
                Map.of("path", pathKey))) {
            found.add(new Candidate(OldLinks.Kind.valueOf((String) r[0]), ((Number) r[1]).longValue(), ResolveView.Via.PERMALINK));
        }
        return found;
    }

    private ResolveView ifPublic(Candidate c) {
        if (c.kind() == OldLinks.Kind.POST) {
            List<Object[]> rows = rows("select p.id, p.slug from post p where p.id = :id and " + PostStatus.PUBLIC_SQL,
                    Map.of("id", c.id(), "now", Times.now()));
            return rows.isEmpty() ? null : new ResolveView(c.kind(), c.id(), (String) rows.get(0)[1], null,
                    "/api/v1/posts/" + rows.get(0)[1], c.via());
        }
        List<Object[]> rows = rows("select p.id, p.slug, p.path from page p where p.id = :id and p.status = 'PUBLISHED'", Map.of("id", c.id()));
        return rows.isEmpty() ? null : new ResolveView(c.kind(), c.id(), (String) rows.get(0)[1], (String) rows.get(0)[2],
                "/api/v1/pages/" + rows.get(0)[1], c.via());
    }

    @SuppressWarnings("unchecked")
    private List<Object[]> rows(String sql, Map<String, Object> parameters) {
        var q = em.createNativeQuery(sql);
        parameters.forEach(q::setParameter);
        return q.getResultList();
    }

    private List<Long> ids(String sql, Map<String, Object> parameters) {
        var q = em.createNativeQuery(sql);
        parameters.forEach(q::setParameter);
        return ((List<?>) q.getResultList()).stream().map(o -> ((Number) o).longValue()).toList();
    }

    /** The parameters of a query string (the first of each name). */
    static Map<String, String> parameters(String query) {
        Map<String, String> result = new TreeMap<>();
        if (query == null) {
            return result;
        }
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            String name = eq < 0 ? pair : pair.substring(0, eq);
            result.putIfAbsent(name.trim(), eq < 0 ? "" : pair.substring(eq + 1).trim());
        }
        return result;
    }

    private static Long number(String value) {
        if (value == null || value.isEmpty() || value.length() > 18 || !value.chars().allMatch(Character::isDigit)) {
            return null;
        }
        return Long.parseLong(value);
    }
}
