package cn.youfu.certificates;

import cn.youfu.platform.LocalizedText;
import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What to issue. Dates are China Standard Time, both inclusive.
 *
 * @param caseReference      the case the certificate concludes; its ledger stream records the issue
 * @param itemCode           the service item's code, e.g. {@code FZ-SP-0001}
 * @param itemName           the service item's name
 * @param title              the certificate's title printed at its head, e.g. 食品经营许可证
 * @param holder             to whom it is issued
 * @param issuingDepartment  the department code, e.g. {@code fz-approval}
 * @param issuingAuthority   the authority's name printed as issuer, e.g. 福州市行政审批局
 * @param validFrom          first day of validity
 * @param validUntil         last day of validity; null = no expiry
 * @param fields             extra lines printed in this order (label → value); null = none; at most 20
 */
public record IssueCertificate(String caseReference, String itemCode, LocalizedText itemName, LocalizedText title,
                               Holder holder, String issuingDepartment, LocalizedText issuingAuthority,
                               LocalDate validFrom, LocalDate validUntil, Map<String, String> fields) {

    /** The most extra lines a certificate prints. */
    public static final int MAX_FIELDS = 20;

    public IssueCertificate {
        notBlank(caseReference, "caseReference");
        notBlank(itemCode, "itemCode");
        Objects.requireNonNull(itemName, "itemName");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(holder, "holder");
        notBlank(issuingDepartment, "issuingDepartment");
        Objects.requireNonNull(issuingAuthority, "issuingAuthority");
        Objects.requireNonNull(validFrom, "validFrom");
        if (validUntil != null && validUntil.isBefore(validFrom)) {
            throw new IllegalArgumentException("validity ends (" + validUntil + ") before it starts (" + validFrom + ")");
        }
        var copy = new LinkedHashMap<String, String>();
        if (fields != null) {
            fields.forEach((label, value) -> copy.put(notBlank(label, "field label"),
                    Objects.requireNonNull(value, "value of field " + label)));
        }
        if (copy.size() > MAX_FIELDS) {
            throw new IllegalArgumentException("a certificate prints at most " + MAX_FIELDS + " extra lines");
        }
        fields = Collections.unmodifiableMap(copy);
    }

    static String notBlank(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
        return value;
    }
}
