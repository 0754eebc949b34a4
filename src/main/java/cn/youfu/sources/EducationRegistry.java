package cn.youfu.sources;

import cn.youfu.platform.ResidentId;
import java.time.LocalDate;

/** 学历: a resident's highest degree. */
@FunctionalInterface
public interface EducationRegistry {

    String SOURCE = "education";

    SourceAnswer<Degree> lookup(ResidentId id);

    /** @param level {@code high-school}, {@code college}, {@code bachelor}, {@code master} or {@code doctor} */
    record Degree(String idNumber, String level, String institution, LocalDate graduatedOn) {
    }
}
