package cn.youfu.disclosure;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The replies the Regulations allow (Art. 36, 37), each the case transition it takes. The remedy a reply letter
 * states depends on it: refusing information, in whole or in part, must be taken to reconsideration first
 * (行政复议法 2023 Art. 23(1)(4)); any other reply may go to reconsideration (60 days, Art. 20) or to court (6 months,
 * 行政诉讼法 Art. 46).
 */
public enum ReplyType {
    /** Already made public: where and how to find it (Art. 36(1)). */
    ALREADY_PUBLIC(false),
    /** Disclosed: provided, or where, how and when to get it (Art. 36(2)). */
    DISCLOSED(false),
    /** Partially disclosed: what is withheld and on which ground (Art. 37). */
    PARTIALLY_DISCLOSED(true),
    /** Not disclosed, on a ground of Art. 14–16 (Art. 36(3)). */
    NOT_DISCLOSED(true),
    /** Not held after a search (Art. 36(4)). */
    NOT_HELD(false),
    /** Not this agency's to disclose; which agency, if known (Art. 36(5)). */
    NOT_THIS_AGENCY(false),
    /** The same information was already answered: not handled again (Art. 36(6)). */
    REPEAT_REQUEST(false),
    /** Governed by special laws (business registration, real-estate registration records…) (Art. 36(7)). */
    SPECIAL_LAW(false);

    private final boolean reconsiderationFirst;

    ReplyType(boolean reconsiderationFirst) {
        this.reconsiderationFirst = reconsiderationFirst;
    }

    /** The code in the API and the bundles, e.g. {@code partially-disclosed}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The case transition that records it, e.g. {@code reply-partially-disclosed}. */
    public String action() {
        return "reply-" + code();
    }

    /** Whether the applicant must apply for reconsideration before going to court (行政复议法 2023 Art. 23). */
    public boolean reconsiderationFirst() {
        return reconsiderationFirst;
    }

    /** Whether information is withheld, so that a ground of Art. 14–16 must be given. */
    public boolean withholds() {
        return this == PARTIALLY_DISCLOSED || this == NOT_DISCLOSED;
    }

    /** Whether a processing fee may be charged at all (Art. 42: only where information is provided). */
    public boolean provides() {
        return this == DISCLOSED || this == PARTIALLY_DISCLOSED;
    }

    public static Optional<ReplyType> of(String code) {
        return Arrays.stream(values()).filter(t -> t.code().equals(code)).findFirst();
    }
}
