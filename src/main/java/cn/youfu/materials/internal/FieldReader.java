package cn.youfu.materials.internal;

import cn.youfu.materials.ExtractedField;
import cn.youfu.materials.ExtractedField.Region;
import java.awt.Rectangle;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.util.LinkedHashMap;
import java.util.Map;

/** Reads a material's fields from its image with one OCR engine. Implementations are thread-safe. */
interface FieldReader {

    /** @return the fields by name, every field of the extractor present (missing ones as {@link ExtractedField#missing}) */
    Map<String, ExtractedField> read(BufferedImage image, MaterialExtractor extractor);

    /**
     * The fields of {@code extraction}, in the extractor's order, confidences rounded to three decimals and regions
     * mapped back onto the uploaded image {@code source} by {@code toSource}.
     */
    static Map<String, ExtractedField> fields(Extraction extraction, MaterialExtractor extractor,
                                              AffineTransform toSource, BufferedImage source) {
        var fields = new LinkedHashMap<String, ExtractedField>();
        for (var name : extractor.fields()) {
            var f = extraction.fields().get(name);
            fields.put(name, f == null ? ExtractedField.missing() : new ExtractedField(f.value(),
                    Math.round(f.confidence() * 1000) / 1000.0, f.valid(), f.repaired(),
                    region(f.region(), toSource, source)));
        }
        return fields;
    }

    /** The region of the page read mapped back onto the uploaded image (the box around its four corners). */
    private static Region region(Rectangle box, AffineTransform toSource, BufferedImage source) {
        if (box == null) {
            return null;
        }
        var bounds = toSource.createTransformedShape(box).getBounds();
        var clipped = bounds.intersection(new Rectangle(0, 0, source.getWidth(), source.getHeight()));
        return clipped.isEmpty() ? null : new Region(clipped.x, clipped.y, clipped.width, clipped.height);
    }
}
