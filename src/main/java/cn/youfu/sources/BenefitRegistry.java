package cn.youfu.sources;

import cn.youfu.platform.ResidentId;
import java.time.LocalDate;
import java.util.List;

/** 民政/社保 benefits a resident already receives (or received). */
@FunctionalInterface
public interface BenefitRegistry {

    String SOURCE = "benefits";

    /** Every benefit on record for the resident; NOT_FOUND when there is none. */
    SourceAnswer<List<Benefit>> received(ResidentId id);

    /**
     * @param benefit e.g. {@code high-age-allowance}, {@code disability-subsidy}, {@code pension}
     * @param status  {@code paying}, {@code suspended} or {@code ended}
     */
    record Benefit(String idNumber, String benefit, LocalDate since, String status) {
    }
}
