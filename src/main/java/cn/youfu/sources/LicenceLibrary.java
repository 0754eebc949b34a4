package cn.youfu.sources;

import java.time.LocalDate;
import java.util.List;

/** 电子证照库: electronic licences and certificates issued to a person or an organisation. */
@FunctionalInterface
public interface LicenceLibrary {

    String SOURCE = "e-licence";

    /**
     * Every licence of any status held by {@code holderId} (a resident ID number or a credit code); NOT_FOUND when
     * there is none.
     */
    SourceAnswer<List<Licence>> held(String holderId);

    /**
     * @param licenceType e.g. {@code elderly-card}, {@code food-business}, {@code residence-permit}
     * @param validUntil  last valid day, or null for no end
     * @param status      {@code valid}, {@code suspended}, {@code revoked} or {@code expired}
     * @param firstIssuedOn when a licence of this kind was first issued to the holder (a driving licence's 初次领证日期,
     *                      from which driving experience counts), or null when the library does not record it
     */
    record Licence(String holderId, String licenceType, String number, LocalDate validFrom, LocalDate validUntil,
                   String status, LocalDate firstIssuedOn) {
    }
}
