package cn.youfu.sources;

import cn.youfu.platform.ResidentId;
import java.time.LocalDate;

/** 人口库: who a resident is, where their household is registered (户籍), whether they are alive. */
@FunctionalInterface
public interface PopulationRegistry {

    String SOURCE = "population";

    /** The person with this ID number; NOT_FOUND when the registry does not know them. */
    SourceAnswer<Person> lookup(ResidentId id);

    /**
     * @param sex                       {@code male} or {@code female} (from the ID number's sequence)
     * @param hukouDivision             6-digit division code of the household registration
     * @param residencePermitDivision   where a residence permit (居住证) was issued, or null
     * @param residencePermitExpiry     its last valid day, or null
     */
    record Person(String idNumber, String name, String sex, LocalDate birthDate, String hukouDivision, boolean alive,
                  String residencePermitDivision, LocalDate residencePermitExpiry) {

        /** Whether a residence permit issued under {@code divisionPrefix} (e.g. {@code 3501}) is valid on {@code day}. */
        public boolean holdsResidencePermit(String divisionPrefix, LocalDate day) {
            return residencePermitDivision != null && residencePermitDivision.startsWith(divisionPrefix)
                    && residencePermitExpiry != null && !residencePermitExpiry.isBefore(day);
        }
    }
}
