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

    /**
     * The keys, trusted key ids and audit anchor directory an operator provisions for production, as settings
     * ({@code name=value}), made under {@code directory}: one new SM2 key signs both the ledger and certificates.
     */
    public static java.util.List<String> production(Path directory) {
        var pem = newSm2Key(directory.resolve("sm2.pem"));
        var id = AuditSigningKey.load(pem).keyId();
        return java.util.List.of("youfu.audit.signing-key=" + pem, "youfu.certificates.signing-key=" + pem,
                "youfu.audit.trusted-key-ids=" + id, "youfu.certificates.trusted-key-ids=" + id,
                "youfu.audit.anchor-dir=" + directory.resolve("anchors"), "youfu.dispatch.contact-key=" + CONTACT_KEY);
    }
}
