package cn.youfu.certificates.internal;

import cn.youfu.platform.ProblemException;
import java.util.Map;
import org.springframework.http.HttpStatus;

/** The certificates module's named refusals. */
final class CertificateProblems extends ProblemException {

    private CertificateProblems(HttpStatus status, String code, Object[] arguments, Map<String, Object> properties) {
        super(status, code, arguments, properties);
    }

    /** No such certificate, or not one the caller may see: the same answer, so that others' are not revealed. */
    static CertificateProblems notFound(String id) {
        return new CertificateProblems(HttpStatus.NOT_FOUND, "certificate-not-found", new Object[] {id},
                Map.of("certificateId", id));
    }

    /** Only an officer of the department that issued a certificate revokes it. */
    static CertificateProblems notIssuer(String number, String department) {
        return new CertificateProblems(HttpStatus.FORBIDDEN, "certificate-not-issuer", new Object[] {number,
                department}, Map.of("number", number, "issuingDepartment", department));
    }

    static CertificateProblems alreadyRevoked(String number) {
        return new CertificateProblems(HttpStatus.CONFLICT, "certificate-already-revoked", new Object[] {number},
                Map.of("number", number));
    }

    /** The stored PDF no longer matches its fingerprint: it is not handed out. */
    static CertificateProblems damaged(String number) {
        return new CertificateProblems(HttpStatus.CONFLICT, "certificate-damaged", new Object[] {number},
                Map.of("number", number));
    }
}
