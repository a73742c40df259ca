package dev.gazette.media;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import net.coobird.thumbnailator.Thumbnails;
import net.coobird.thumbnailator.geometry.Positions;
import org.jboss.logging.Logger;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * Reads an image's dimensions and makes its derived sizes with Thumbnailator, as WordPress's
 * defaults: {@code thumbnail} cropped to 150×150 from the centre, {@code medium} and {@code large}
 * scaled to fit 300×300 and 1024×1024. A size is only made when the original is larger (never
 * upscaled). WebP is decoded by the TwelveMonkeys ImageIO plugin; its derived sizes are PNG (there is no WebP
 * writer here). An image that decodes but cannot be resized is stored without derived sizes.
 */
@ApplicationScoped
class ImageSizes {

    private static final Logger LOG = Logger.getLogger(ImageSizes.class);

    /** A size WordPress makes by default: a box, cropped to fill it or scaled to fit in it. */
    record Spec(String name, int width, int height, boolean crop) {
    }

    static final List<Spec> SPECS = List.of(
            new Spec("thumbnail", 150, 150, true),
            new Spec("medium", 300, 300, false),
            new Spec("large", 1024, 1024, false));

    @Inject
    MediaConfig config;

    /** An image read: its dimensions, and the derived files to store (name, bytes) with their sizes. */
    record Result(int width, int height, List<DerivedSize> sizes, List<byte[]> files) {
    }

    static {
        // plugins (WebP) are found on the application's class path, not only the JDK's
        ImageIO.scanForPlugins();
    }

    /** The image's dimensions and derived sizes; null dimensions when the bytes cannot be decoded at all. */
    Result derive(byte[] bytes, ImageFormat format) {
        int[] dimensions = dimensions(bytes);
        if (dimensions == null) {
            throw new Undecodable("The file looks like " + format.mimeType + " but cannot be read as an image.");
        }
        int width = dimensions[0];
        int height = dimensions[1];
        if ((long) width * height > config.maxPixels()) {
            throw new TooManyPixels("The image is " + width + "×" + height + " pixels; the limit is "
                    + config.maxPixels() + " pixels.");
        }
        List<DerivedSize> sizes = new ArrayList<>();
        List<byte[]> files = new ArrayList<>();
        BufferedImage image;
        try {
            image = ImageIO.read(new ByteArrayInputStream(bytes));
        } catch (IOException | RuntimeException e) {
            LOG.debugf(e, "cannot decode a %s image", format.mimeType);
            image = null;
        }
        if (image == null) {
            return new Result(width, height, sizes, files);
        }
        ImageFormat out = format.derivedFormat();
        for (Spec spec : SPECS) {
            if (width <= spec.width && height <= spec.height) {
                continue;
            }
            try {
                Thumbnails.Builder<BufferedImage> builder = Thumbnails.of(image);
                if (spec.crop) {
                    builder.size(Math.min(spec.width, width), Math.min(spec.height, height)).crop(Positions.CENTER);
                } else {
                    builder.size(spec.width, spec.height).keepAspectRatio(true);
                }
                if (out == ImageFormat.JPEG) {
                    builder.imageType(BufferedImage.TYPE_INT_RGB); // JPEG has no alpha channel
                }
                BufferedImage resized = builder.asBufferedImage();
                ByteArrayOutputStream file = new ByteArrayOutputStream();
                if (!ImageIO.write(resized, out.writerName, file)) {
                    throw new IOException("no " + out.writerName + " writer for this image");
                }
                sizes.add(new DerivedSize(spec.name, resized.getWidth(), resized.getHeight(), out.extension));
                files.add(file.toByteArray());
            } catch (IOException | RuntimeException e) {
                LOG.warnf(e, "could not make the %s size of a %s image", spec.name, format.mimeType);
            }
        }
        return new Result(width, height, sizes, files);
    }

    /** Width and height from the image's header, without decoding its pixels; null when no reader knows it. */
    private static int[] dimensions(byte[] bytes) {
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                return null;
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                return new int[]{reader.getWidth(0), reader.getHeight(0)};
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    static final class Undecodable extends RuntimeException {
        Undecodable(String message) {
            super(message, null, false, false);
        }
    }

    static final class TooManyPixels extends RuntimeException {
        TooManyPixels(String message) {
            super(message, null, false, false);
        }
    }
}
