package cn.youfu.audit.internal;

import java.nio.file.Path;

/** Gives tests outside this package the keys an operator would provision for production. */
public final class TestKeys {

    /** An SM4 key for reporters' contact details ({@code youfu.dispatch.contact-key}), 32 hexadecimal digits. */
    public static final String CONTACT_KEY = "00112233445566778899aabbccddeeff";

    private TestKeys() {
    }

    /** Writes a new SM2 private key as PEM to {@code pem} and returns the path. */
    public static Path newSm2Key(Path pem) {
        AuditSigningKey.loadOrGenerate(pem);
        return pem;
    }

    /** The id ({@code sm2-…}) of the key in {@code pem}, as trusted-key-ids list it. */
    public static String keyId(Path pem) {
        return AuditSigningKey.load(pem).keyId();
    }
}
