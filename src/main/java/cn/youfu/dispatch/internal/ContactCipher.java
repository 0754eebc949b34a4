package cn.youfu.dispatch.internal;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Provider;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.jce.provider.BouncyCastleProvider;

/**
 * Encrypts reporters' contact details at rest (Personal Information Protection Law; GB/T 39786 asks for a
 * commercial-cryptography algorithm): SM4 (GB/T 32907) in GCM mode from BouncyCastle, a random 96-bit IV per value,
 * a 128-bit tag, the column's name as associated data (a value moved to another column does not decrypt). A stored
 * value is {@code sm4gcm:} followed by Base64 of IV ‖ ciphertext ‖ tag. Thread-safe.
 */
final class ContactCipher {

    /** What every encrypted value starts with; the database refuses anything else in a contact column. */
    static final String PREFIX = "sm4gcm:";
    private static final Provider PROVIDER = new BouncyCastleProvider();
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecretKeySpec key;
    private final SecureRandom random = new SecureRandom();

    /** @param hexKey 32 hexadecimal digits (a 128-bit SM4 key) */
    ContactCipher(String hexKey) {
        this.key = new SecretKeySpec(parse(hexKey), "SM4");
    }

    /** Whether a text is a 128-bit key in hexadecimal. */
    static boolean valid(String hexKey) {
        try {
            parse(hexKey);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static byte[] parse(String hexKey) {
        var value = hexKey == null ? "" : hexKey.strip();
        if (!value.matches("[0-9a-fA-F]{32}")) {
            throw new IllegalArgumentException("an SM4 key is 32 hexadecimal digits (128 bits)");
        }
        return HexFormat.of().parseHex(value);
    }

    /** The stored form of a value of {@code column}; null stays null. */
    String encrypt(String column, String plain) {
        if (plain == null) {
            return null;
        }
        var iv = new byte[IV_BYTES];
        random.nextBytes(iv);
        try {
            var cipher = cipher(Cipher.ENCRYPT_MODE, column, iv);
            var sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
            return PREFIX + Base64.getEncoder().encodeToString(ByteBuffer.allocate(iv.length + sealed.length)
                    .put(iv).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SM4/GCM is not available from BouncyCastle", e);
        }
    }

    /**
     * The value of {@code column} from its stored form; null stays null.
     *
     * @throws WrongKey when the value was not encrypted with this key (or was altered)
     */
    String decrypt(String column, String stored) {
        if (stored == null) {
            return null;
        }
        if (!stored.startsWith(PREFIX)) {
            throw new WrongKey("a stored " + column + " is not SM4-encrypted");
        }
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(stored.substring(PREFIX.length()));
        } catch (IllegalArgumentException e) {
            throw new WrongKey("a stored " + column + " is not valid Base64");
        }
        if (bytes.length < IV_BYTES + TAG_BITS / 8) {
            throw new WrongKey("a stored " + column + " is too short to be SM4/GCM");
        }
        try {
            var cipher = cipher(Cipher.DECRYPT_MODE, column, java.util.Arrays.copyOf(bytes, IV_BYTES));
            return new String(cipher.doFinal(bytes, IV_BYTES, bytes.length - IV_BYTES), StandardCharsets.UTF_8);
        } catch (AEADBadTagException e) {
            throw new WrongKey("a stored " + column + " does not decrypt with youfu.dispatch.contact-key: the key is "
                    + "not the one it was encrypted with, or the value was altered");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SM4/GCM is not available from BouncyCastle", e);
        }
    }

    private Cipher cipher(int mode, String column, byte[] iv) throws GeneralSecurityException {
        var cipher = Cipher.getInstance("SM4/GCM/NoPadding", PROVIDER);
        cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, iv));
        cipher.updateAAD(column.getBytes(StandardCharsets.UTF_8));
        return cipher;
    }

    /** Stored contact details cannot be read with the configured key. */
    static final class WrongKey extends IllegalStateException {
        WrongKey(String message) {
            super(message);
        }
    }
}
