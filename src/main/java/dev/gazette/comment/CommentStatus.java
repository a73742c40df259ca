package dev.gazette.comment;

import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;

/** Moderation state. Only approved comments are public and counted. */
public enum CommentStatus {
    PENDING, APPROVED, SPAM, TRASHED;

    @JsonValue
    public String json() {
        return name().toLowerCase(Locale.ROOT);
    }
}
