package cn.youfu.audit.internal;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.Provider;
import java.security.Signature;
import org.bouncycastle.jce.provider.BouncyCastleProvider;

/** China's national algorithms (国密) as BouncyCastle implements them: SM3 hashes, SM2 signatures (SM3withSM2). */
final class GmCrypto {

    /** One provider instance, passed explicitly; nothing is registered JVM-wide. */
    static final Provider PROVIDER = new BouncyCastleProvider();

    private GmCrypto() {
    }

    /** A new SM3 digest (not thread-safe: one per thread or per use). */
    static MessageDigest sm3() {
        try {
            return MessageDigest.getInstance("SM3", PROVIDER);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SM3 is not available from BouncyCastle", e);
        }
    }

    /** A new SM3withSM2 signature (with the standard's default signer ID, GM/T 0009). */
    static Signature sm2() {
        try {
            return Signature.getInstance("SM3withSM2", PROVIDER);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SM3withSM2 is not available from BouncyCastle", e);
        }
    }
}
