package cn.youfu.certificates.internal;

import java.util.List;

/**
 * The outcome of verifying one certificate.
 *
 * @param findings every problem found, worst first; empty when valid
 * @param dataSm3  the data fingerprint recomputed from the record (hex), as printed on an untampered PDF
 */
record Verification(CertificateRecord certificate, List<CertificateStatus> findings, String dataSm3) {

    CertificateStatus status() {
        return findings.isEmpty() ? CertificateStatus.VALID : findings.get(0);
    }

    boolean valid() {
        return findings.isEmpty();
    }
}
