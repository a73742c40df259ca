package dev.gazette.common.web;

/** A path segment that names a resource either by numeric id or by slug. */
public record IdOrSlug(Long id, String slug) {

    public static IdOrSlug parse(String value) {
        if (value == null || value.isBlank()) {
            throw ApiException.badRequest("idOrSlug", "must be a numeric id or a slug");
        }
        String refused = ControlCharacters.firstRefused(value, false);
        if (refused != null) {
            throw ApiException.badRequest("idOrSlug", ControlCharacters.message(refused));
        }
        String v = value.trim();
        if (v.length() <= 18 && v.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return new IdOrSlug(Long.parseLong(v), null);
        }
        return new IdOrSlug(null, v);
    }

    public boolean isId() {
        return id != null;
    }

    @Override
    public String toString() {
        return isId() ? id.toString() : slug;
    }
}
