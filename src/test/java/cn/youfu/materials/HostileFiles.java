package cn.youfu.materials;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.zip.CRC32;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDStream;
import org.apache.pdfbox.pdmodel.graphics.color.PDDeviceGray;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

/** Files made to exhaust a reader: small on the wire, enormous once decoded. */
public final class HostileFiles {

    private HostileFiles() {
    }

    /** A PNG signature and header declaring {@code width} × {@code height}, and no pixels. */
    public static byte[] pngHeader(int width, int height) {
        var ihdr = ByteBuffer.allocate(17).put("IHDR".getBytes()).putInt(width).putInt(height)
                .put((byte) 8).put((byte) 2).put((byte) 0).put((byte) 0).put((byte) 0).array();
        var crc = new CRC32();
        crc.update(ihdr);
        return ByteBuffer.allocate(8 + 4 + 17 + 4).put(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'})
                .putInt(13).put(ihdr).putInt((int) crc.getValue()).array();
    }

    /**
     * A one-page A4 PDF drawing a {@code width} × {@code height} 1-bit image of zeros, Flate-compressed (a few
     * hundred kilobytes that unpack into gigabytes of pixels once rendered in colour).
     */
    public static byte[] pdfWithImage(int width, int height) throws Exception {
        long bytes = (long) (width + 7) / 8 * height;
        var zeros = new InputStream() {
            long left = bytes;

            @Override
            public int read() {
                return left-- > 0 ? 0 : -1;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (left <= 0) {
                    return -1;
                }
                int n = (int) Math.min(len, left);
                java.util.Arrays.fill(b, off, off + n, (byte) 0);
                left -= n;
                return n;
            }
        };
        var out = new ByteArrayOutputStream();
        try (var pdf = new PDDocument()) {
            var page = new PDPage();
            pdf.addPage(page);
            var image = new PDImageXObject(new PDStream(pdf, zeros, COSName.FLATE_DECODE), null);
            image.setWidth(width);
            image.setHeight(height);
            image.setBitsPerComponent(1);
            image.setColorSpace(PDDeviceGray.INSTANCE);
            try (var content = new PDPageContentStream(pdf, page)) {
                content.drawImage(image, 50, 50, 400, 400);
            }
            pdf.save(out);
        }
        return out.toByteArray();
    }
}
