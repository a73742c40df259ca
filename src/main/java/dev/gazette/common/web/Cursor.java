package dev.gazette.common.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * An opaque keyset cursor: the sort it belongs to, the direction to read in, and the sort
 * key of the item it points past. Encoded as base64url JSON so clients treat it as a token.
 */
public record Cursor(String sort, boolean backward, List<Object> key) {

    private static final ObjectMapper JSON = new ObjectMapper();

    public static Cursor after(String sort, List<Object> key) {
        return new Cursor(sort, false, key);
    }

    public static Cursor before(String sort, List<Object> key) {
        return new Cursor(sort, true, key);
    }

    public String encode() {
        try {
            Object[] parts = new Object[key.size() + 2];
            parts[0] = sort;
            parts[1] = backward ? "b" : "a";
            for (int i = 0; i < key.size(); i++) {
                parts[i + 2] = key.get(i);
            }
            return Base64.getUrlEncoder().withoutPadding().encodeToString(JSON.writeValueAsBytes(parts));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Decodes a cursor made by {@link #encode()} for the given sort.
     *
     * @throws ApiException 400 when the cursor is not one of ours or belongs to another sort
     */
    public static Cursor decode(String token, String expectedSort, int keySize) {
        try {
            List<?> parts = JSON.readValue(Base64.getUrlDecoder().decode(token), List.class);
            if (parts.size() != keySize + 2 || !expectedSort.equals(parts.get(0))) {
                throw invalid();
            }
            Object dir = parts.get(1);
            if (!"a".equals(dir) && !"b".equals(dir)) {
                throw invalid();
            }
            List<Object> key = new ArrayList<>(parts.subList(2, parts.size()));
            if (key.contains(null)) {
                throw invalid();
            }
            return new Cursor(expectedSort, "b".equals(dir), key);
        } catch (IllegalArgumentException | java.io.IOException | NullPointerException e) {
            throw invalid();
        }
    }

    private static ApiException invalid() {
        return ApiException.badRequest("cursor",
                "is not a valid cursor for this list and sort; use the page.next or page.prev value of a previous response");
    }
}
