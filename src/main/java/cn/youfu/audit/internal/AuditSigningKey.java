package cn.youfu.audit.internal;

import cn.youfu.platform.Sm2SigningKey;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.PublicKey;

/**
 * The SM2 key that signs checkpoints. Its id is derived from the public key ({@code sm2-} and the first 16 bytes of
 * SM3 over the X.509 public key, hex), so pinning key ids in configuration pins the public keys themselves. Loading,
 * generation and signing are the platform's {@link Sm2SigningKey}.
 */
final class AuditSigningKey {

    private static final String DESCRIPTION = "audit signing key";

    private final Sm2SigningKey key;

    Sm2SigningKey key() {
        return key;
    }

    private AuditSigningKey(Sm2SigningKey key) {
        this.key = key;
    }

    String keyId() {
        return key.keyId();
    }

    /** The public key, X.509 SubjectPublicKeyInfo DER. */
    byte[] publicKey() {
        return key.publicKey();
    }

    byte[] sign(byte[] message) {
        return key.sign(message);
    }

    /** The key id of an X.509-encoded public key. */
    static String keyId(byte[] encodedPublicKey) {
        return Sm2SigningKey.keyId(encodedPublicKey);
    }

    /** Reads an X.509-encoded SM2 public key. */
    static PublicKey publicKey(byte[] encoded) throws GeneralSecurityException {
        return Sm2SigningKey.publicKey(encoded);
    }

    /** Whether {@code signature} is a valid SM3withSM2 signature of {@code message} by {@code key}. */
    static boolean verify(PublicKey key, byte[] message, byte[] signature) {
        return Sm2SigningKey.verify(key, message, signature);
    }

    /** Reads a PEM SM2 private key: PKCS#8 ({@code PRIVATE KEY}) or SEC 1 ({@code EC PRIVATE KEY}). */
    static AuditSigningKey load(Path pem) {
        return new AuditSigningKey(Sm2SigningKey.load(pem, DESCRIPTION));
    }

    /** Demo mode: the key in {@code pem}, generated and written there (owner-only) on first use. */
    static AuditSigningKey loadOrGenerate(Path pem) {
        return new AuditSigningKey(Sm2SigningKey.loadOrGenerate(pem, DESCRIPTION, "audit-sm2"));
    }
}
