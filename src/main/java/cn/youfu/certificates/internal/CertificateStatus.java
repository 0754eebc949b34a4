package cn.youfu.certificates.internal;

/** What verification found, worst first: the first that applies is a certificate's status. */
enum CertificateStatus {
    /** The stored PDF is missing or its bytes no longer hash to the recorded SM3. */
    TAMPERED,
    /** The SM2 signature does not match the recorded data and PDF hash, or its key is unknown or not trusted. */
    SIGNATURE_INVALID,
    /** Revoked by the issuer. */
    REVOKED,
    /** Past its last day of validity. */
    EXPIRED,
    /** Intact, authentic, in force. */
    VALID
}
