package dev.gazette.author;

import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;

/** What a token's author may do. */
public enum Role {
    /** Everything, including authors and tokens. */
    ADMIN,
    /** All content: every post, categories and tags. */
    EDITOR,
    /** Their own posts only. */
    AUTHOR,
    /** Comments only (moderation). */
    MODERATOR;

    public boolean editsAllContent() {
        return this == ADMIN || this == EDITOR;
    }

    public boolean writesPosts() {
        return this == ADMIN || this == EDITOR || this == AUTHOR;
    }

    @JsonValue
    public String json() {
        return name().toLowerCase(Locale.ROOT);
    }
}
