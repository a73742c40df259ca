package dev.gazette.media;

/**
 * The image types the media library takes, recognised by their first bytes (magic numbers), never by
 * a file name or a declared Content-Type.
 */
public enum ImageFormat {
    JPEG("image/jpeg", "jpg", "jpeg"),
    PNG("image/png", "png", "png"),
    GIF("image/gif", "gif", "gif"),
    WEBP("image/webp", "webp", null);

    final String mimeType;
    final String extension;
    /** The ImageIO writer's format name; null when the JDK has no writer (WebP). */
    final String writerName;

    ImageFormat(String mimeType, String extension, String writerName) {
        this.mimeType = mimeType;
        this.extension = extension;
        this.writerName = writerName;
    }

    /** The format of these bytes, or null when they are none of the four. */
    public static ImageFormat detect(byte[] b) {
        if (b.length >= 3 && (b[0] & 0xff) == 0xFF && (b[1] & 0xff) == 0xD8 && (b[2] & 0xff) == 0xFF) {
            return JPEG;
        }
        if (startsWith(b, 0, new byte[]{(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'})) {
            return PNG;
        }
        if (startsWith(b, 0, "GIF87a".getBytes()) || startsWith(b, 0, "GIF89a".getBytes())) {
            return GIF;
        }
        if (startsWith(b, 0, "RIFF".getBytes()) && startsWith(b, 8, "WEBP".getBytes())) {
            return WEBP;
        }
        return null;
    }

    public static ImageFormat ofMimeType(String mimeType) {
        for (ImageFormat f : values()) {
            if (f.mimeType.equals(mimeType)) {
                return f;
            }
        }
        return null;
    }

    /** The format derived sizes are written in: the original's, or PNG for WebP (no WebP writer here). */
    ImageFormat derivedFormat() {
        return writerName == null ? PNG : this;
    }

    private static boolean startsWith(byte[] bytes, int offset, byte[] prefix) {
        if (bytes.length < offset + prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (bytes[offset + i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
