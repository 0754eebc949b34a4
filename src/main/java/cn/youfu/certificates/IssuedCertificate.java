package cn.youfu.certificates;

import java.time.LocalDate;

/**
 * A certificate as issued.
 *
 * @param id           its id (a UUID), used in its addresses
 * @param number       its human-readable number, unique, e.g. {@code FZ-ZS-2026-000123}
 * @param documentSm3  the SM3 hash (hex) of its PDF in the document library
 * @param validFrom    first day of validity (China Standard Time)
 * @param validUntil   last day of validity; null = no expiry
 * @param downloadPath {@code /api/v1/certificates/{id}/pdf}: the PDF, for the holder and staff
 * @param verifyPath   {@code /api/v1/certificates/{id}/verify}: public verification, masked
 */
public record IssuedCertificate(String id, String number, String documentSm3, LocalDate validFrom,
                                LocalDate validUntil, String downloadPath, String verifyPath) {
}
