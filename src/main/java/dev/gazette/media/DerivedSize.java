package dev.gazette.media;

import java.util.ArrayList;
import java.util.List;

/**
 * One derived size of an image as stored: its name (thumbnail, medium, large), dimensions and file
 * extension. Stored in {@link Media#sizes} as {@code name:width:height:ext} joined by {@code ;}.
 */
record DerivedSize(String name, int width, int height, String extension) {

    static String format(List<DerivedSize> sizes) {
        if (sizes.isEmpty()) {
            return null;
        }
        StringBuilder s = new StringBuilder();
        for (DerivedSize d : sizes) {
            if (!s.isEmpty()) {
                s.append(';');
            }
            s.append(d.name).append(':').append(d.width).append(':').append(d.height).append(':').append(d.extension);
        }
        return s.toString();
    }

    static List<DerivedSize> parse(String stored) {
        List<DerivedSize> sizes = new ArrayList<>();
        if (stored == null || stored.isEmpty()) {
            return sizes;
        }
        for (String part : stored.split(";")) {
            String[] f = part.split(":");
            sizes.add(new DerivedSize(f[0], Integer.parseInt(f[1]), Integer.parseInt(f[2]), f[3]));
        }
        return sizes;
    }
}
