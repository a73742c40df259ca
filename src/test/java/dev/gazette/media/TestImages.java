package dev.gazette.media;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/** Small images made in the tests: JPEG, PNG and GIF with ImageIO, WebP with a minimal lossless encoder. */
final class TestImages {

    private TestImages() {
    }

    static byte[] jpeg(int width, int height) {
        return write(picture(width, height, BufferedImage.TYPE_INT_RGB), "jpeg");
    }

    static byte[] png(int width, int height) {
        return write(picture(width, height, BufferedImage.TYPE_INT_ARGB), "png");
    }

    static byte[] gif(int width, int height) {
        return write(picture(width, height, BufferedImage.TYPE_INT_RGB), "gif");
    }

    /**
     * A lossless WebP (VP8L) of one colour: no transforms, no colour cache, and five prefix codes of one
     * symbol each (green, red, blue, alpha, distance), so every pixel takes no bits. The JDK cannot write
     * WebP; this is the smallest valid encoder for a test image.
     */
    static byte[] webp(int width, int height, int argb) {
        Bits bits = new Bits();
        bits.put(0x2f, 8);
        bits.put(width - 1, 14);
        bits.put(height - 1, 14);
        bits.put(1, 1); // alpha is used
        bits.put(0, 3); // version
        bits.put(0, 1); // no transform
        bits.put(0, 1); // no colour cache
        bits.put(0, 1); // no meta prefix codes
        for (int symbol : new int[]{(argb >> 8) & 0xff, (argb >> 16) & 0xff, argb & 0xff, (argb >>> 24) & 0xff, 0}) {
            bits.put(1, 1); // simple code
            bits.put(0, 1); // one symbol
            if (symbol < 2) {
                bits.put(0, 1);
                bits.put(symbol, 1);
            } else {
                bits.put(1, 1);
                bits.put(symbol, 8);
            }
        }
        byte[] vp8l = bits.bytes(8); // readers fetch 64 bits at a time: pad the stream
        int pad = vp8l.length % 2;
        ByteArrayOutputStream riff = new ByteArrayOutputStream();
        riff.writeBytes("RIFF".getBytes());
        littleEndian(riff, 4 + 8 + vp8l.length + pad);
        riff.writeBytes("WEBPVP8L".getBytes());
        littleEndian(riff, vp8l.length);
        riff.writeBytes(vp8l);
        if (pad == 1) {
            riff.write(0);
        }
        return riff.toByteArray();
    }

    static BufferedImage read(byte[] bytes) {
        try {
            return ImageIO.read(new ByteArrayInputStream(bytes));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static BufferedImage picture(int width, int height, int type) {
        BufferedImage image = new BufferedImage(width, height, type);
        Graphics2D g = image.createGraphics();
        g.setPaint(new GradientPaint(0, 0, Color.BLUE, width, height, Color.ORANGE));
        g.fillRect(0, 0, width, height);
        g.dispose();
        return image;
    }

    private static byte[] write(BufferedImage image, String format) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(image, format, out)) {
                throw new IllegalStateException("no writer for " + format);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static void littleEndian(ByteArrayOutputStream out, int v) {
        out.write(v);
        out.write(v >> 8);
        out.write(v >> 16);
        out.write(v >> 24);
    }

    /** Bits written least significant first, as VP8L reads them. */
    private static final class Bits {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();
        private int current;
        private int count;

        void put(int value, int n) {
            for (int i = 0; i < n; i++) {
                current |= ((value >> i) & 1) << count;
                if (++count == 8) {
                    out.write(current);
                    current = 0;
                    count = 0;
                }
            }
        }

        byte[] bytes(int padding) {
            if (count > 0) {
                out.write(current);
            }
            out.writeBytes(new byte[padding]);
            return out.toByteArray();
        }
    }
}
