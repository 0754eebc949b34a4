package cn.youfu.platform;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.Provider;
import java.util.HexFormat;
import org.bouncycastle.jce.provider.BouncyCastleProvider;

/** SM3 (GB/T 32905), China's national hash, from BouncyCastle; nothing is registered JVM-wide. */
public final class Sm3 {

    private static final Provider PROVIDER = new BouncyCastleProvider();

    private Sm3() {
    }

    /** A new SM3 digest (not thread-safe: one per use). */
    public static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SM3", PROVIDER);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SM3 is not available from BouncyCastle", e);
        }
    }

    /** The SM3 hash of {@code bytes} as 64 lower-case hex digits. */
    public static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(digest().digest(bytes));
    }
}
