package cn.youfu.certificates.internal;

import java.nio.file.Path;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param signingKey    {@code YOUFU_CERTIFICATES_SIGNING_KEY}: path of the PEM SM2 private key that signs certificates;
 *                      required in production, in demo mode generated once under
 *                      {@code <youfu.data-dir>/keys/certificates-sm2.pem}
 * @param numberPrefix  the start of every certificate number, {@code FZ-ZS} by default ({@code FZ-ZS-2026-000123})
 * @param trustedKeyIds key ids ({@code sm2-…}) whose signatures verification accepts. Empty: any key stored in
 *                      {@code certificates.signing_key}, which a database owner could replace; production should pin
 *                      its keys here
 */
@ConfigurationProperties("youfu.certificates")
record CertificateSettings(Path signingKey, @DefaultValue("FZ-ZS") String numberPrefix,
                           @DefaultValue List<String> trustedKeyIds) {
}
