package cn.youfu.approval.internal;

import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;

/** The data sources' names as residents know them. */
final class SourceNames {

    private static final Map<String, String> ZH = Map.of(
            "population", "人口库",
            "e-licence", "电子证照库",
            "benefits", "民政社保待遇库",
            "enterprise", "法人库",
            "credit", "信用信息库",
            "police-records", "公安违法犯罪记录",
            "marriage", "婚姻登记库",
            "education", "学历学位库",
            "social-insurance", "社会保险库",
            "real-estate", "不动产登记库");

    private SourceNames() {
    }

    /** A comma-separated list of source codes, named in Chinese. */
    static String zh(String codes) {
        return Arrays.stream(codes.split(",\\s*")).map(c -> ZH.getOrDefault(c, c)).collect(Collectors.joining("、"));
    }
}
