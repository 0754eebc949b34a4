package cn.youfu.materials.internal;

import java.awt.Rectangle;
import java.util.List;

/** Reads one kind of material's fields from the lines of a page. Implementations are pure and thread-safe. */
interface MaterialExtractor {

    /** The material's code as items list it, e.g. {@code id-card-front}. */
    String code();

    /** The fields it reads, in order. */
    List<String> fields();

    /** @param reread reads a region of the page again as one line of the given characters (a second opinion) */
    Extraction extract(LabelledLines lines, Reread reread);

    /** A second reading of a region of the page as a single line of the characters allowed. */
    interface Reread {
        /**
         * @param allowed the characters allowed, or null for any; identifiers are read with the English model, text
         *                with the Chinese one
         * @return the line read, or null when nothing was
         */
        OcrPage.OcrLine line(Rectangle region, String allowed);
    }
}
