package cn.youfu.certificates.internal;

import cn.youfu.platform.Sm2SigningKey;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;

/**
 * What a certificate's SM2 signature covers, as unambiguous bytes.
 *
 * <p>The <em>data hash</em> is SM3 over a domain tag and every recorded field of the certificate (id, number, case,
 * item, title, holder id and name, issuer, validity, issue time in epoch microseconds, the extra lines), each as a
 * 4-byte big-endian length followed by its UTF-8 bytes, so that no two different certificates encode alike. It is
 * printed on the PDF as the data fingerprint. The <em>signed message</em> is another tag, the data hash and the SM3
 * of the PDF's bytes, each length-prefixed: the signature binds the document to the data.
 */
final class CertificateSignatures {

    private static final byte[] DATA_TAG = "youfu.certificate.data.v1".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] SIGNED_TAG = "youfu.certificate.signed.v1".getBytes(StandardCharsets.US_ASCII);
    private static final HexFormat HEX = HexFormat.of();

    private CertificateSignatures() {
    }

    static byte[] dataHash(CertificateRecord c) {
        var sm3 = Sm2SigningKey.sm3();
        field(sm3, DATA_TAG);
        for (String value : new String[] {c.id().toString(), c.number(), c.caseReference(), c.itemCode(),
                c.itemName().zh(), c.itemName().en(), c.title().zh(), c.title().en(), c.holderId(), c.holderName(),
                c.issuingDepartment(), c.issuingAuthority().zh(), c.issuingAuthority().en(), c.validFrom().toString(),
                c.validUntil() == null ? "" : c.validUntil().toString(), Long.toString(micros(c)),
                Integer.toString(c.fields().size())}) {
            field(sm3, value);
        }
        c.fields().forEach((label, value) -> {
            field(sm3, label);
            field(sm3, value);
        });
        return sm3.digest();
    }

    static byte[] signedMessage(byte[] dataHash, String documentSm3) {
        var out = new java.io.ByteArrayOutputStream(128);
        for (byte[] part : new byte[][] {SIGNED_TAG, dataHash, HEX.parseHex(documentSm3)}) {
            out.writeBytes(length(part.length));
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    static String hex(byte[] bytes) {
        return HEX.formatHex(bytes);
    }

    private static long micros(CertificateRecord c) {
        return Math.addExact(Math.multiplyExact(c.issuedAt().getEpochSecond(), 1_000_000L),
                c.issuedAt().getNano() / 1_000);
    }

    private static void field(MessageDigest sm3, String value) {
        field(sm3, value.getBytes(StandardCharsets.UTF_8));
    }

    private static void field(MessageDigest sm3, byte[] value) {
        sm3.update(length(value.length));
        sm3.update(value);
    }

    private static byte[] length(int n) {
        return new byte[] {(byte) (n >>> 24), (byte) (n >>> 16), (byte) (n >>> 8), (byte) n};
    }
}
