package cn.youfu.certificates.internal;

import cn.youfu.platform.Sm2SigningKey;
import cn.youfu.platform.YoufuSettings;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(CertificateSettings.class)
class CertificateConfiguration {

    /** The key that signs certificates: configured in production, generated once in demo mode. */
    @Bean
    CertificateSigningKey certificateSigningKey(CertificateSettings settings, YoufuSettings youfu) {
        var key = Sm2SigningKey.configured(settings.signingKey(), youfu,
                "certificates-sm2.pem", "youfu.certificates.signing-key",
                "YOUFU_MODE=production needs YOUFU_CERTIFICATES_SIGNING_KEY, the path of a PEM SM2 private key that "
                        + "signs electronic certificates (e.g. openssl genpkey -algorithm SM2 -out certificates-sm2.pem).",
                "certificate signing key");
        key.requireTrustedInProduction(youfu, settings.trustedKeyIds(), "youfu.certificates.trusted-key-ids",
                "YOUFU_CERTIFICATES_TRUSTED_KEY_IDS");
        return new CertificateSigningKey(key);
    }

    /** The certificates' own key, so that it is never mistaken for another module's. */
    record CertificateSigningKey(Sm2SigningKey key) {
    }
}
