package cn.youfu.sources;

import cn.youfu.platform.ResidentId;
import java.time.LocalDate;

/** 婚姻登记: a resident's current marital status. */
@FunctionalInterface
public interface MarriageRegistry {

    String SOURCE = "marriage";

    SourceAnswer<Marriage> lookup(ResidentId id);

    /**
     * @param status         {@code single}, {@code married}, {@code divorced} or {@code widowed}
     * @param spouseIdNumber the spouse's ID number when married, otherwise null
     * @param registeredOn   when the current status was registered; null for {@code single}
     */
    record Marriage(String idNumber, String status, String spouseIdNumber, LocalDate registeredOn) {
    }
}
