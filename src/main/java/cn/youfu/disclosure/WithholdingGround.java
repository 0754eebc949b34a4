package cn.youfu.disclosure;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The legal grounds on which information is withheld (政府信息公开条例 Art. 14–16); wording in the bundles. */
public enum WithholdingGround {
    /** A state secret (Art. 14). */
    STATE_SECRET,
    /** Laws or administrative regulations forbid disclosure (Art. 14). */
    LAW_FORBIDS,
    /** Disclosure would endanger national, public or economic security or social stability (Art. 14). */
    ENDANGERS_SECURITY,
    /** A third party's trade secret, the third party not agreeing (Art. 15). */
    TRADE_SECRET,
    /** A third party's privacy, the third party not agreeing (Art. 15). */
    PRIVACY,
    /** Internal affairs: personnel, logistics, internal workflows (Art. 16(1)). */
    INTERNAL_AFFAIRS,
    /** Process information: discussion records, drafts, consultation letters, requests for instructions (Art. 16). */
    PROCESS_INFORMATION,
    /** Administrative enforcement case files (Art. 16(2)). */
    ENFORCEMENT_CASE;

    /** The code in the API and the bundles, e.g. {@code trade-secret}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static Optional<WithholdingGround> of(String code) {
        return Arrays.stream(values()).filter(g -> g.code().equals(code)).findFirst();
    }
}
