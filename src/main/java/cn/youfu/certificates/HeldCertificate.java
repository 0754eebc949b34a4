package cn.youfu.certificates;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A certificate Youfu issued to a holder, as far as deciding a new application needs it: which item it came from and
 * whether it is still in force.
 *
 * @param id         its id, as {@link IssuedCertificate#id()}
 * @param number     its number, e.g. {@code FZ-ZS-2026-000123}
 * @param itemCode   the service item whose approval issued it, e.g. {@code elderly-card}
 * @param validFrom  first day of validity (China Standard Time)
 * @param validUntil last day of validity; null = no expiry
 * @param revokedAt  when it was revoked; null when it was not
 */
public record HeldCertificate(String id, String number, String itemCode, LocalDate validFrom, LocalDate validUntil,
                              Instant revokedAt) {

    /** {@code valid}, {@code revoked} or {@code expired} on {@code day}, as the e-licence library says of licences. */
    public String status(LocalDate day) {
        if (revokedAt != null) {
            return "revoked";
        }
        return validUntil != null && day.isAfter(validUntil) ? "expired" : "valid";
    }
}
