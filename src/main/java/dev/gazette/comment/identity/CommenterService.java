package dev.gazette.comment.identity;

import dev.gazette.author.Caller;
import dev.gazette.author.Role;
import dev.gazette.common.Times;
import dev.gazette.common.web.ApiException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/** Moderators look at signed-in commenters and block or unblock them. */
@ApplicationScoped
public class CommenterService {

    @Inject
    CommenterRepository commenters;

    @Inject
    Caller caller;

    @Transactional
    public CommenterView get(long id) {
        caller.require(Role.ADMIN, Role.EDITOR, Role.MODERATOR);
        return view(find(id));
    }

    /** A blocked identity may no longer comment, edit or like (403); its comments stay as they are. */
    @Transactional
    public CommenterView block(long id, String reason) {
        caller.require(Role.ADMIN, Role.EDITOR, Role.MODERATOR);
        Commenter c = find(id);
        if (c.blockedAt == null) {
            c.blockedAt = Times.now();
        }
        c.blockReason = reason == null || reason.isBlank() ? null : reason.trim();
        return view(c);
    }

    @Transactional
    public CommenterView unblock(long id) {
        caller.require(Role.ADMIN, Role.EDITOR, Role.MODERATOR);
        Commenter c = find(id);
        c.blockedAt = null;
        c.blockReason = null;
        return view(c);
    }

    private Commenter find(long id) {
        return commenters.findByIdOptional(id).orElseThrow(() -> ApiException.notFound("Commenter", id));
    }

    private CommenterView view(Commenter c) {
        Object[] counts = (Object[]) commenters.getEntityManager().createNativeQuery(
                        "select count(*), coalesce(sum(case when status = 'APPROVED' then 1 else 0 end), 0) from comment where commenter_id = :id")
                .setParameter("id", c.id).getSingleResult();
        return new CommenterView(c.id, c.displayName, c.pictureUrl, c.provider, c.email, c.createdAt, c.lastSeenAt,
                ((Number) counts[0]).longValue(), ((Number) counts[1]).longValue(), c.blockedAt, c.blockReason);
    }
}
