package cn.youfu.sources;

import cn.youfu.platform.ResidentId;
import java.time.LocalDate;
import java.util.List;

/**
 * 公安违法犯罪记录: the records of offences an item's law bars applicants for (网约车驾驶员: 网络预约出租汽车经营服务管理暂行办法
 * Art. 14; passenger transport drivers: 道路运输条例 Art. 9). An empty list means the authority holds none.
 */
@FunctionalInterface
public interface PoliceRecords {

    String SOURCE = "police-records";

    /** Every record of {@code id}; NOT_FOUND when there is none. */
    SourceAnswer<List<Offence>> records(ResidentId id);

    /**
     * @param kind {@code traffic-crime} (交通肇事犯罪), {@code dangerous-driving-crime} (危险驾驶犯罪), {@code drug-use}
     *             (吸毒), {@code drink-driving} (饮酒后驾驶), {@code violent-crime} (暴力犯罪), {@code twelve-points} (a
     *             scoring cycle with 12 points), {@code major-accident} (重大以上交通责任事故)
     * @param recordedOn the day of the offence, or of the end of the scoring cycle
     */
    record Offence(String idNumber, String kind, LocalDate recordedOn) {
    }
}
