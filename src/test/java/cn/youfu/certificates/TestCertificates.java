package cn.youfu.certificates;

/** For tests that need an applicant who holds nothing Youfu issued: earlier tests may have approved them. */
public final class TestCertificates {

    private TestCertificates() {
    }

    /** Revokes every certificate Youfu issued to {@code holderId}: they count as a fresh applicant again. */
    public static void revokeAll(Certificates certificates, String holderId) {
        for (var held : certificates.heldBy(holderId)) {
            if (held.revokedAt() == null) {
                certificates.revoke(held.id(), "test: the applicant starts afresh", "test");
            }
        }
    }
}
