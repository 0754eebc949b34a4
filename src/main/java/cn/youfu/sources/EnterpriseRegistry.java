package cn.youfu.sources;

import cn.youfu.platform.CreditCode;
import java.math.BigDecimal;
import java.time.LocalDate;

/** 法人库: registered enterprises and other legal persons. */
@FunctionalInterface
public interface EnterpriseRegistry {

    String SOURCE = "enterprise";

    SourceAnswer<Enterprise> lookup(CreditCode code);

    /**
     * @param registeredCapital in yuan (CNY)
     * @param status            {@code active}, {@code revoked} (吊销) or {@code cancelled} (注销)
     */
    record Enterprise(String creditCode, String name, String legalRepresentativeId, String type, String address,
                      BigDecimal registeredCapital, LocalDate establishedOn, String status, String division) {
    }
}
