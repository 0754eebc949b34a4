package cn.youfu.disclosure.internal;

/**
 * The information processing fee (信息处理费) of 政府信息公开条例 Art. 42, as 《政府信息公开信息处理费管理办法》
 * (国办函〔2020〕109号) sets it. Providing information is free; only a volume or frequency clearly beyond reason is
 * charged, one of two ways for a request (never both):
 * <ul>
 *   <li>by item (按件计收): the applicant's requests in one calendar month — the 1st to 10th free, the 11th to 30th
 *       100 yuan each, from the 31st each further band of 10 costs 100 yuan more per item;</li>
 *   <li>by volume (按量计收): the pages of one request — 30 free, pages 31–100 at 10 yuan, 101–200 at 20 yuan, from
 *       201 at 40 yuan.</li>
 * </ul>
 */
final class ProcessingFees {

    private ProcessingFees() {
    }

    /** How the fee is counted; the officer chooses, and the rule is recorded with the reply. */
    enum Method { BY_ITEM, BY_VOLUME }

    /** @param yuan 0 when nothing is due; {@code count} the item's number in the month or the pages */
    record Fee(Method method, int count, int yuan) {
    }

    /** The fee for the applicant's {@code nth} request of the calendar month (1 for the first). */
    static Fee byItem(int nth) {
        if (nth < 1) {
            throw new IllegalArgumentException("the month's first request is number 1, got " + nth);
        }
        int yuan;
        if (nth <= 10) {
            yuan = 0;
        } else if (nth <= 30) {
            yuan = 100;
        } else {
            yuan = 100 + 100 * ((nth - 31) / 10 + 1);
        }
        return new Fee(Method.BY_ITEM, nth, yuan);
    }

    /** The fee for providing {@code pages} pages in answer to one request. */
    static Fee byVolume(int pages) {
        if (pages < 0) {
            throw new IllegalArgumentException("pages cannot be negative, got " + pages);
        }
        int yuan = 10 * band(pages, 30, 100) + 20 * band(pages, 100, 200) + 40 * Math.max(0, pages - 200);
        return new Fee(Method.BY_VOLUME, pages, yuan);
    }

    /** The pages of {@code pages} that fall in {@code (from, to]}. */
    private static int band(int pages, int from, int to) {
        return Math.max(0, Math.min(pages, to) - from);
    }
}
