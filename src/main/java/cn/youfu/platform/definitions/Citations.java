package cn.youfu.platform.definitions;

import java.util.regex.Pattern;

/**
 * What a limit and its legal basis in a definition file must declare: the limit its unit, and the basis the
 * instrument in 《》 and the provision that says it — an article (第…条, with its paragraph and item where it has
 * them), or, for a numbered policy document that has no articles (a State Council opinion, 国发〔2014〕8号), its
 * document number.
 */
public final class Citations {

    private static final Pattern ARTICLE = Pattern.compile("第[零〇一二三四五六七八九十百千0-9]+条");
    private static final Pattern DOCUMENT_NUMBER = Pattern.compile("〔\\d{4}〕\\d+号");
    private static final Pattern INSTRUMENT = Pattern.compile("《[^》]+》");

    private Citations() {
    }

    /** Whether {@code text} names an article (第…条). */
    public static boolean namesArticle(String text) {
        return text != null && ARTICLE.matcher(text).find();
    }

    /** Whether {@code text} names an instrument in 《》 and an article of it, or a numbered policy document. */
    public static boolean citesProvision(String text) {
        return text != null && INSTRUMENT.matcher(text).find()
                && (ARTICLE.matcher(text).find() || DOCUMENT_NUMBER.matcher(text).find());
    }

    /**
     * A limit's unit, which every limit must declare: {@code working-days} (only where its law says 工作日) or
     * {@code days} (日, calendar days).
     *
     * @param what what the limit is, in the error ("the statutory limit")
     * @return true for working days, false for calendar days
     */
    public static boolean inWorkingDays(YamlTree node, String what) {
        var unit = node.optional("unit").orElseThrow(() -> node.error(what
                + " has no unit: say 'unit: working-days' (only where its law says 工作日) or 'unit: days' (日)"));
        return switch (unit.text()) {
            case "working-days" -> true;
            case "days" -> false;
            default -> throw unit.error("unit must be 'working-days' or 'days', got '" + unit.text() + "'");
        };
    }

    /**
     * Refuses a basis that does not cite its provision.
     *
     * @param what what the basis is for, in the error ("the statutory limit")
     */
    public static String requireProvision(YamlTree node, String what) {
        var text = node.text();
        if (!citesProvision(text)) {
            throw node.error(what + " has a basis without an article: '" + text
                    + "' (cite the law in 《》 and its article, 第…条)");
        }
        return text;
    }
}
