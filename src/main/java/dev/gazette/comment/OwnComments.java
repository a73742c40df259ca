package dev.gazette.comment;

import dev.gazette.comment.identity.IdTokenVerifier;
import dev.gazette.comment.identity.SignedInCommenter;
import dev.gazette.common.web.Cursor;
import dev.gazette.common.web.ListPage;
import dev.gazette.common.web.PageInfo;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A signed-in commenter's own comments, newest first, whatever their status (their pending ones
 * too) and on whichever post: what {@code GET /api/v1/me/comments} lists. Read as projections
 * ({@link CommentReads}), keyset-paged on the commenter's index.
 */
@ApplicationScoped
public class OwnComments {

    @Inject
    CommentReads reads;

    @Inject
    SignedInCommenter signedIn;

    @Transactional(Transactional.TxType.SUPPORTS)
    public ListPage<CommentView> mine(String cursor, int limit) {
        SignedInCommenter.Ref me = signedIn.current().orElseThrow(IdTokenVerifier::missing);
        CommentService.Sort sort = CommentService.Sort.NEWEST;
        Cursor c = cursor == null ? null : Cursor.decode(cursor, sort.order.name(), 2);
        List<String> where = List.of("c.commenter_id = :me");
        Map<String, Object> params = Map.of("me", me.id());
        CommentReads.Shape shape = new CommentReads.Shape(false, Optional.of(new Liker(Liker.COMMENTER_PREFIX + me.id())), false);
        CommentReads.Page page = reads.page(where, params, sort, c, limit, shape);
        long total = page.complete() ? page.rows().size() : reads.count(where, params);
        return new ListPage<>(page.rows().stream().map(CommentRow::view).toList(), new PageInfo(limit, page.next(), page.prev(), total));
    }
}
