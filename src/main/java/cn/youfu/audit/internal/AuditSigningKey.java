package cn.youfu.audit.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.jce.ECNamedCurveTable;
import org.bouncycastle.jce.interfaces.ECPrivateKey;
import org.bouncycastle.jce.spec.ECPublicKeySpec;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;

/**
 * The SM2 key that signs checkpoints. Its id is derived from the public key ({@code sm2-} and the first 16 bytes of
 * SM3 over the X.509 public key, hex), so pinning key ids in configuration pins the public keys themselves.
 */
final class AuditSigningKey {

    private static final String CURVE = "sm2p256v1";

    private final PrivateKey privateKey;
    private final PublicKey publicKey;
    private final String keyId;

    private AuditSigningKey(KeyPair pair) {
        this.privateKey = pair.getPrivate();
        this.publicKey = pair.getPublic();
        this.keyId = keyId(publicKey.getEncoded());
    }

    String keyId() {
        return keyId;
    }

    /** The public key, X.509 SubjectPublicKeyInfo DER. */
    byte[] publicKey() {
        return publicKey.getEncoded();
    }

    byte[] sign(byte[] message) {
        try {
            var signature = GmCrypto.sm2();
            signature.initSign(privateKey, new SecureRandom());
            signature.update(message);
            return signature.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SM2 signing failed with key " + keyId, e);
        }
    }

    /** The key id of an X.509-encoded public key. */
    static String keyId(byte[] encodedPublicKey) {
        return "sm2-" + LedgerHashes.hex(Arrays.copyOf(new LedgerHashes().sm3(encodedPublicKey), 16));
    }

    /** Reads an X.509-encoded SM2 public key. */
    static PublicKey publicKey(byte[] encoded) throws GeneralSecurityException {
        return KeyFactory.getInstance("EC", GmCrypto.PROVIDER).generatePublic(new X509EncodedKeySpec(encoded));
    }

    /** Whether {@code signature} is a valid SM3withSM2 signature of {@code message} by {@code key}. */
    static boolean verify(PublicKey key, byte[] message, byte[] signature) {
        try {
            var verifier = GmCrypto.sm2();
            verifier.initVerify(key);
            verifier.update(message);
            return verifier.verify(signature);
        } catch (GeneralSecurityException | RuntimeException e) {
            return false; // a malformed signature is an invalid one
        }
    }

    /** Reads a PEM SM2 private key: PKCS#8 ({@code PRIVATE KEY}) or SEC 1 ({@code EC PRIVATE KEY}). */
    static AuditSigningKey load(Path pem) {
        try (var parser = new PEMParser(Files.newBufferedReader(pem))) {
            var converter = new JcaPEMKeyConverter().setProvider(GmCrypto.PROVIDER);
            Object object = parser.readObject();
            PrivateKey privateKey;
            if (object instanceof PEMKeyPair pair) {
                privateKey = converter.getKeyPair(pair).getPrivate();
            } else if (object instanceof PrivateKeyInfo info) {
                privateKey = converter.getPrivateKey(info);
            } else {
                throw new IllegalStateException(pem + " holds no unencrypted PEM private key");
            }
            if (!(privateKey instanceof ECPrivateKey ec) || ec.getParameters() == null
                    || !ec.getParameters().getCurve().equals(ECNamedCurveTable.getParameterSpec(CURVE).getCurve())) {
                throw new IllegalStateException(pem + " is not an SM2 (" + CURVE + ") private key");
            }
            // Q = d·G: the public key follows from the private one (PKCS#8 files often leave it out).
            var spec = ec.getParameters();
            var publicKey = KeyFactory.getInstance("EC", GmCrypto.PROVIDER)
                    .generatePublic(new ECPublicKeySpec(spec.getG().multiply(ec.getD()).normalize(), spec));
            return new AuditSigningKey(new KeyPair(publicKey, privateKey));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the audit signing key " + pem + ": " + e.getMessage(), e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot use the audit signing key " + pem + ": " + e.getMessage(), e);
        }
    }

    /** Demo mode: the key in {@code pem}, generated and written there (owner-only) on first use. */
    static AuditSigningKey loadOrGenerate(Path pem) {
        if (Files.exists(pem)) {
            return load(pem);
        }
        try {
            var generator = KeyPairGenerator.getInstance("EC", GmCrypto.PROVIDER);
            generator.initialize(new ECGenParameterSpec(CURVE), new SecureRandom());
            var pair = generator.generateKeyPair();
            Files.createDirectories(pem.toAbsolutePath().getParent());
            Path temporary = Files.createTempFile(pem.toAbsolutePath().getParent(), "audit-sm2", ".tmp");
            try {
                ownerOnly(temporary);
                try (var writer = new JcaPEMWriter(Files.newBufferedWriter(temporary))) {
                    writer.writeObject(new JcaPKCS8Generator(pair.getPrivate(), null));
                }
                move(temporary, pem);
            } finally {
                Files.deleteIfExists(temporary);
            }
            // Read back what is on disk: if another process wrote its key first, that one is used.
            return load(pem);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the audit signing key " + pem + ": " + e.getMessage(), e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot generate an SM2 key", e);
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.createLink(to, from); // fails if the key exists: never overwrite a key
        } catch (FileAlreadyExistsException e) {
            // another process was first
        } catch (UnsupportedOperationException | IOException e) {
            if (!Files.exists(to)) {
                try {
                    Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
                } catch (AtomicMoveNotSupportedException notAtomic) {
                    Files.move(from, to);
                }
            }
        }
    }

    private static void ownerOnly(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: the directory's protection applies
        }
    }
}
