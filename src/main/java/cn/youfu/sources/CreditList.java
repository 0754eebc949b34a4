package cn.youfu.sources;

import java.time.LocalDate;
import java.util.List;

/** 失信名单: persons and organisations on a credit blacklist. */
@FunctionalInterface
public interface CreditList {

    String SOURCE = "credit";

    /** Every list {@code subjectId} (a resident ID number or a credit code) is on; NOT_FOUND when on none. */
    SourceAnswer<List<Listing>> listings(String subjectId);

    /** @param list e.g. {@code dishonest-executee} (失信被执行人) */
    record Listing(String subjectId, String list, LocalDate listedOn, String reason) {
    }
}
