package cn.youfu.audit.internal;

import java.nio.file.Path;

/** Gives tests outside this package an SM2 key file, as an operator would provision for production. */
public final class TestKeys {

    private TestKeys() {
    }

    /** Writes a new SM2 private key as PEM to {@code pem} and returns the path. */
    public static Path newSm2Key(Path pem) {
        AuditSigningKey.loadOrGenerate(pem);
        return pem;
    }
}
