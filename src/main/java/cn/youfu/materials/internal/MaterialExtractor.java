package cn.youfu.materials.internal;

import cn.youfu.materials.internal.Extraction.Field;
import cn.youfu.platform.ResidentId;
import java.awt.Rectangle;
import java.util.List;

/** Reads one kind of material's fields from the lines of a page. Implementations are pure and thread-safe. */
abstract class MaterialExtractor {

    private final String code;
    private final List<String> fields;

    /**
     * @param code   the material's code as items list it, e.g. {@code id-card-front}
     * @param fields the fields it reads, in order
     */
    MaterialExtractor(String code, List<String> fields) {
        this.code = code;
        this.fields = List.copyOf(fields);
    }

    final String code() {
        return code;
    }

    final List<String> fields() {
        return fields;
    }

    /** The fields that hold a name (read by {@link Names}), those worth reading the page again for. */
    List<String> names() {
        return List.of("name");
    }

    /** @param reread reads a region of the page again as one line of the given characters (a second opinion) */
    abstract Extraction extract(LabelledLines lines, Reread reread);

    /** A second reading of a region of the page as a single line of the characters allowed. */
    interface Reread {
        /**
         * @param allowed the characters allowed, or null for any; identifiers are read with the English model, text
         *                (any Chinese character allowed) with the Chinese one, of the region darkened
         * @return the line read, or null when nothing was
         */
        OcrPage.OcrLine line(Rectangle region, String allowed);

        /**
         * A close-up of a region holding one line of Chinese text (a name): darkened, enlarged and read alone with
         * the Chinese model, never reading a character of {@code excluded}. Errors of this reading are not those of
         * the page's, which makes it a second opinion worth having.
         *
         * @param excluded characters the field cannot hold (digits, punctuation), or null
         * @return the line read, or null when nothing was
         */
        default OcrPage.OcrLine closeUp(Rectangle region, String excluded) {
            return line(region, null);
        }

        /**
         * A region of several lines read again with only {@code allowed} characters and the English model: where an
         * identifier the page's reading missed may be.
         *
         * @return the lines read, boxes in the page's pixels; empty when nothing was
         */
        default OcrPage block(Rectangle region, String allowed) {
            return new OcrPage(java.util.List.of());
        }

        /**
         * Whether these readings err independently of the page's (another engine configuration, another crop and
         * contrast), so that their agreeing with it is evidence; false when they are the same model reading the same
         * pixels again, whose agreement proves little.
         */
        default boolean independent() {
            return true;
        }
    }

    /** The resident ID number in line {@code line} from {@code from}, read twice and checked. */
    static Field residentNumber(LabelledLines lines, int line, int from, Reread reread) {
        return Identifiers.read(lines, line, from, Identifiers.DIGITS, CheckCharacterRepair::residentId, reread);
    }

    /**
     * The character after 性别: valid when it is 男 or 女 and agrees with the ID number's sequence (when the number
     * was read valid); null when nothing follows the label.
     */
    static Field sex(LabelledLines lines, LabelledLines.Found label, ResidentId resident) {
        var value = lines.field(label.line(), label.after(), label.after() + 1);
        if (value == null) {
            return null;
        }
        boolean known = value.value().equals("男") || value.value().equals("女");
        boolean agrees = resident == null || value.value().equals(resident.male() ? "男" : "女");
        return known && agrees ? value : value.invalid();
    }
}
