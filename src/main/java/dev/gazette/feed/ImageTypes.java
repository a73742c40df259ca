package dev.gazette.feed;

import java.net.URI;
import java.util.Locale;
import java.util.Map;

/** The media type of an image URL, from its file extension: feeds declare it on enclosures. */
final class ImageTypes {

    private static final Map<String, String> BY_EXTENSION = Map.of(
            "jpg", "image/jpeg", "jpeg", "image/jpeg", "png", "image/png", "gif", "image/gif", "webp", "image/webp",
            "avif", "image/avif", "svg", "image/svg+xml");

    private ImageTypes() {
    }

    /** The type for the URL's path extension, or null when it has none Gazette knows (or is not a URL). */
    static String of(String url) {
        String path;
        try {
            path = URI.create(url).getPath();
        } catch (IllegalArgumentException e) {
            return null;
        }
        if (path == null) {
            return null;
        }
        int dot = path.lastIndexOf('.');
        return dot < 0 || dot < path.lastIndexOf('/') ? null : BY_EXTENSION.get(path.substring(dot + 1).toLowerCase(Locale.ROOT));
    }
}
