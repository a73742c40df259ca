package dev.gazette.author;

/** The author behind a valid bearer token. */
public record Principal(long authorId, Role role, long tokenId) {

    public boolean isAdmin() {
        return role == Role.ADMIN;
    }
}
