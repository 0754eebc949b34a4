package cn.youfu.materials.internal;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.HashSet;
import java.util.Set;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;

/**
 * The picture a material is read from, within bounds that a crafted file cannot exceed: an image's declared pixels
 * (read from its header before a pixel is decoded), a PDF's pages, the pixels of every image its first page draws
 * (read from the images' dictionaries, forms included, before any is decoded), and the size of the page rendered
 * (at most {@link #RENDERED_LONG_SIDE} pixels on its longer side). The upload check and the reader apply the same
 * bounds, so a file stored before a bound existed is still refused when it is read.
 */
final class Pictures {

    /** The longer side, in pixels, a PDF page is rendered at (200 dpi for an A4 page, less for a larger one). */
    static final int RENDERED_LONG_SIDE = 2400;
    private static final float DPI = 200;
    /** How deep forms inside forms are followed when looking for images. */
    private static final int MAX_FORM_DEPTH = 8;

    /** Why a file is not read: what it declares, in words for the record (and the limit it broke). */
    static final class OutOfBounds extends IOException {
        private final long width;
        private final long height;

        OutOfBounds(String message, long width, long height) {
            super(message);
            this.width = width;
            this.height = height;
        }

        long width() {
            return width;
        }

        long height() {
            return height;
        }
    }

    private final long maxPixels;
    private final int maxPages;

    Pictures(long maxPixels, int maxPages) {
        this.maxPixels = maxPixels;
        this.maxPages = maxPages;
    }

    /** The picture to read: the image itself, or a PDF's first page rendered in colour. */
    BufferedImage read(byte[] bytes, String mediaType) throws IOException {
        if (UploadCheck.PDF.equals(mediaType)) {
            try (var pdf = Loader.loadPDF(bytes)) {
                checkPdf(pdf);
                return render(pdf.getPage(0), pdf);
            }
        }
        checkImageHeader(bytes);
        var image = ImageIO.read(new ByteArrayInputStream(bytes));
        if (image == null) {
            throw new IOException("not a readable image");
        }
        return image;
    }

    /** Refuses a PDF with too many pages, or whose first page draws an image of too many pixels. */
    void checkPdf(PDDocument pdf) throws IOException {
        if (pdf.getNumberOfPages() > maxPages) {
            throw new OutOfBounds("the PDF has " + pdf.getNumberOfPages() + " pages, more than " + maxPages, 0, 0);
        }
        var largest = largestImage(pdf.getPage(0).getResources(), 0, new HashSet<>());
        if (largest[0] * largest[1] > maxPixels) {
            throw new OutOfBounds("an image on the page has " + largest[0] + "×" + largest[1] + " = "
                    + largest[0] * largest[1] + " pixels, more than " + maxPixels + " pixels", largest[0], largest[1]);
        }
    }

    /** Refuses an image whose header declares more than the pixels allowed; nothing is decoded. */
    void checkImageHeader(byte[] bytes) throws IOException {
        try (var in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            var readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                throw new IOException("not a readable image");
            }
            var reader = readers.next();
            try {
                reader.setInput(in, true, true);
                long width = reader.getWidth(0);
                long height = reader.getHeight(0);
                if (width * height > maxPixels) {
                    throw new OutOfBounds("the image declares " + width + "×" + height + " = " + width * height
                            + " pixels, more than " + maxPixels + " pixels", width, height);
                }
            } finally {
                reader.dispose();
            }
        }
    }

    /** The width and height of the image of most pixels the resources draw, forms followed; {0, 0} when none. */
    private static long[] largestImage(PDResources resources, int depth, Set<COSBase> seen) throws IOException {
        var largest = new long[2];
        if (resources == null || depth > MAX_FORM_DEPTH) {
            return largest;
        }
        for (var name : resources.getXObjectNames()) {
            var object = resources.getXObject(name);
            if (object == null || !seen.add(object.getCOSObject())) {
                continue;
            }
            long[] size = object instanceof PDImageXObject image
                    ? new long[] {image.getWidth(), image.getHeight()}
                    : object instanceof PDFormXObject form ? largestImage(form.getResources(), depth + 1, seen)
                    : new long[2];
            if (size[0] * size[1] > largest[0] * largest[1]) {
                largest = size;
            }
        }
        return largest;
    }

    /** The page at 200 dpi, or less so that its longer side stays within {@link #RENDERED_LONG_SIDE} pixels. */
    private static BufferedImage render(PDPage page, PDDocument pdf) throws IOException {
        var box = page.getCropBox();
        float longSide = Math.max(box.getWidth(), box.getHeight()) / 72f;
        float dpi = Math.min(DPI, RENDERED_LONG_SIDE / Math.max(longSide, 1f / 72));
        var renderer = new PDFRenderer(pdf);
        renderer.setSubsamplingAllowed(true);
        return renderer.renderImageWithDPI(0, dpi, ImageType.RGB);
    }
}
