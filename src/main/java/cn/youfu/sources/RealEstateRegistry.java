package cn.youfu.sources;

import java.math.BigDecimal;
import java.util.List;

/** 不动产登记: real estate registered to an owner. */
@FunctionalInterface
public interface RealEstateRegistry {

    String SOURCE = "real-estate";

    /** Every property of {@code ownerId} (a resident ID number or a credit code); NOT_FOUND when none. */
    SourceAnswer<List<Holding>> held(String ownerId);

    /** @param areaM2 floor area in square metres */
    record Holding(String ownerId, String certificateNumber, String address, BigDecimal areaM2, String division) {
    }
}
