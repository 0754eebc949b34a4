package cn.youfu;

import cn.youfu.audit.internal.TestKeys;
import cn.youfu.sources.BenefitRegistry;
import cn.youfu.sources.CreditList;
import cn.youfu.sources.EducationRegistry;
import cn.youfu.sources.EnterpriseRegistry;
import cn.youfu.sources.LicenceLibrary;
import cn.youfu.sources.MarriageRegistry;
import cn.youfu.sources.PoliceRecords;
import cn.youfu.sources.PopulationRegistry;
import cn.youfu.sources.RealEstateRegistry;
import cn.youfu.sources.SocialInsuranceRegistry;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** What an operator provisions for production, as settings ({@code name=value}), for tests that start it. */
public final class ProductionSettings {

    private ProductionSettings() {
    }

    /**
     * Keys (one new SM2 key signs both the ledger and certificates), trusted key ids, the audit anchor directory, the
     * contacts' SM4 key, all made under {@code directory}; and every data source's address, at a port where nothing
     * listens (every lookup UNAVAILABLE: applications go to an officer).
     */
    public static List<String> of(Path directory) {
        var pem = TestKeys.newSm2Key(directory.resolve("sm2.pem"));
        var id = TestKeys.keyId(pem);
        var settings = new ArrayList<>(List.of("youfu.audit.signing-key=" + pem,
                "youfu.certificates.signing-key=" + pem, "youfu.disclosure.signing-key=" + pem,
                "youfu.audit.trusted-key-ids=" + id,
                "youfu.certificates.trusted-key-ids=" + id, "youfu.audit.anchor-dir=" + directory.resolve("anchors"),
                "youfu.dispatch.contact-key=" + TestKeys.CONTACT_KEY));
        for (var source : List.of(PopulationRegistry.SOURCE, MarriageRegistry.SOURCE, EducationRegistry.SOURCE,
                SocialInsuranceRegistry.SOURCE, EnterpriseRegistry.SOURCE, LicenceLibrary.SOURCE,
                BenefitRegistry.SOURCE, RealEstateRegistry.SOURCE, CreditList.SOURCE, PoliceRecords.SOURCE)) {
            settings.add("youfu.sources." + source + ".url=http://localhost:1/" + source);
        }
        return settings;
    }
}
