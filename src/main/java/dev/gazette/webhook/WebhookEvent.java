package dev.gazette.webhook;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Arrays;
import java.util.Optional;

/** What a webhook endpoint can subscribe to. */
public enum WebhookEvent {
    /** A post became public: published now, or a scheduled post's time came. */
    POST_PUBLISHED("post.published"),
    /** A public post changed. */
    POST_UPDATED("post.updated"),
    /** A public post left the public site but still exists (back to draft, scheduled later, trashed). */
    POST_UNPUBLISHED("post.unpublished"),
    /** A public post was deleted for good. */
    POST_DELETED("post.deleted"),
    /** A page became public. */
    PAGE_PUBLISHED("page.published"),
    /** A public page changed (its content, title, slug, parent or place in the menu). */
    PAGE_UPDATED("page.updated"),
    /** A public page went back to draft. */
    PAGE_UNPUBLISHED("page.unpublished"),
    /** A public page was deleted for good. */
    PAGE_DELETED("page.deleted"),
    /** A comment was written (approved or waiting for moderation; spam is not announced). */
    COMMENT_CREATED("comment.created"),
    /** A moderator approved a comment. */
    COMMENT_APPROVED("comment.approved"),
    /** Sent on request to check an endpoint (POST /webhooks/{id}/ping); cannot be subscribed to. */
    PING("ping");

    private final String wireName;

    WebhookEvent(String wireName) {
        this.wireName = wireName;
    }

    @JsonValue
    public String wireName() {
        return wireName;
    }

    @JsonCreator
    public static WebhookEvent parse(String name) {
        return byName(name).orElseThrow(() -> new IllegalArgumentException("unknown event " + name));
    }

    public static Optional<WebhookEvent> byName(String name) {
        return Arrays.stream(values()).filter(e -> e.wireName.equals(name)).findFirst();
    }
}
