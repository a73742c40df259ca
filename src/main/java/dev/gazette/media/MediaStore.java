package dev.gazette.media;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The files of the media library, in {@code gazette.media.directory}: one folder per media item
 * named by its id, holding {@code full.<ext>} (the original, byte for byte) and one file per derived
 * size ({@code thumbnail.jpg}, ...). Files never change once written, so they can be cached forever.
 */
@ApplicationScoped
class MediaStore {

    private static final Logger LOG = Logger.getLogger(MediaStore.class);
    static final String FULL = "full";

    @Inject
    MediaConfig config;

    Path root() {
        return Path.of(config.directory());
    }

    /** The file of a size ({@code full} or a derived one) with this extension; it may not exist. */
    Path file(long id, String size, String extension) {
        return root().resolve(Long.toString(id)).resolve(size + "." + extension);
    }

    /** Writes a file (through a temporary one, so a reader never sees half of it). */
    void write(long id, String size, String extension, byte[] bytes) {
        Path target = file(id, size, extension);
        try {
            Files.createDirectories(target.getParent());
            Path temp = Files.createTempFile(target.getParent(), size, ".part");
            Files.write(temp, bytes);
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target, e);
        }
    }

    /** Removes the item's folder with every file in it. */
    void delete(long id) {
        Path folder = root().resolve(Long.toString(id));
        if (!Files.isDirectory(folder)) {
            return;
        }
        try (Stream<Path> files = Files.walk(folder)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    LOG.warnf("could not delete %s", p);
                }
            });
        } catch (IOException e) {
            LOG.warnf("could not delete %s", folder);
        }
    }
}
