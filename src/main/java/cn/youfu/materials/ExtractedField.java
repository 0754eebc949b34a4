package cn.youfu.materials;

/**
 * One field read from a material.
 *
 * @param value      the text as read and normalised (dates ISO {@code yyyy-MM-dd}, identifiers upper case), or null
 *                   when the field was not found
 * @param confidence 0–1: how sure the reading is (the OCR engine's confidence of the words, lowered when the value
 *                   had to be repaired; two agreeing readings that pass a check character count as 0.99)
 * @param valid      whether the value passes its own checks: the check character of an ID number or credit code, a
 *                   real date, a birth date and sex that agree with the ID number; true for plain text that was found
 * @param repaired   whether characters were changed to make the check character valid (e.g. an O read for a 0)
 * @param region     where on the uploaded image the value was read, in its pixels; null when not found
 */
public record ExtractedField(String value, double confidence, boolean valid, boolean repaired, Region region) {

    /** A rectangle of the uploaded image, in its pixels, origin top left. */
    public record Region(int x, int y, int width, int height) {
    }

    /** A field the material should have and that was not found. */
    public static ExtractedField missing() {
        return new ExtractedField(null, 0, false, false, null);
    }

    /** Found, valid and at least as confident as {@code minConfidence}: a decision may rest on it. */
    public boolean sure(double minConfidence) {
        return value != null && valid && confidence >= minConfidence;
    }
}
