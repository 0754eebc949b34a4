package cn.youfu.platform;

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
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.HexFormat;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.jce.ECNamedCurveTable;
import org.bouncycastle.jce.interfaces.ECPrivateKey;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.jce.spec.ECPublicKeySpec;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;

/**
 * An SM2 private key this process signs with (SM3withSM2, BouncyCastle), read from a PEM file. In production the file
 * is provisioned by the operator and its path configured; in demo mode a key is generated once under
 * {@code <youfu.data-dir>/keys/}. Its id is derived from the public key ({@code sm2-} and the first 16 bytes of SM3
 * over the X.509 public key, hex), so pinning key ids pins the public keys themselves.
 *
 * <p>Immutable and thread-safe; {@link #sign} may be called concurrently.
 */
public final class Sm2SigningKey {

    /** One BouncyCastle provider instance, passed explicitly; nothing is registered JVM-wide. */
    public static final Provider PROVIDER = new BouncyCastleProvider();

    private static final String CURVE = "sm2p256v1";
    private static final HexFormat HEX = HexFormat.of();

    private final PrivateKey privateKey;
    private final PublicKey publicKey;
    private final String keyId;

    /**
     * One signer per thread, initialised once: initialising an SM2 signer derives the public point and the signer-ID
     * hash Z from the private key (an elliptic-curve multiplication), which was about two thirds of a signature's
     * cost. A JCA signature returns to its initialised state after each {@code sign()}.
     */
    private final ThreadLocal<Signature> signers;

    private Sm2SigningKey(KeyPair pair) {
        this.privateKey = pair.getPrivate();
        this.publicKey = pair.getPublic();
        this.keyId = keyId(publicKey.getEncoded());
        this.signers = ThreadLocal.withInitial(() -> {
            try {
                var signature = sm2();
                signature.initSign(privateKey, new SecureRandom());
                return signature;
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("SM2 signing is not available with key " + keyId, e);
            }
        });
    }

    /**
     * The key a module's setting names, or in demo mode the generated key {@code <data-dir>/keys/<demoFileName>};
     * production without the setting refuses to start.
     *
     * @param configured        the configured PEM path, null when not set
     * @param property          the setting's name, e.g. {@code youfu.audit.signing-key}, for the refusal
     * @param productionMissing what an operator reads when production starts without it
     * @param description       what the key is for, e.g. {@code audit signing key}, for error messages
     */
    public static Sm2SigningKey configured(Path configured, YoufuSettings youfu, String demoFileName, String property,
                                           String productionMissing, String description) {
        if (configured != null) {
            return load(configured, description);
        }
        if (youfu.demo()) {
            String prefix = demoFileName.endsWith(".pem")
                    ? demoFileName.substring(0, demoFileName.length() - 4) : demoFileName;
            return loadOrGenerate(youfu.dataDir().resolve("keys").resolve(demoFileName), description, prefix);
        }
        throw new InvalidConfigurationPropertyValueException(property, null, productionMissing);
    }

    /**
     * In production, verification accepts only the listed keys, and the key in use must be among them: a key
     * someone inserted into the database (which the application's role may write) must never make a forgery verify.
     *
     * @param trustedKeyIds the configured ids, e.g. {@code youfu.audit.trusted-key-ids}
     * @param property      that setting's name, for the refusal
     * @param variable      its environment variable, e.g. {@code YOUFU_AUDIT_TRUSTED_KEY_IDS}
     */
    public void requireTrustedInProduction(YoufuSettings youfu, java.util.List<String> trustedKeyIds, String property,
                                           String variable) {
        if (youfu.demo() || trustedKeyIds.contains(keyId)) {
            return;
        }
        throw new InvalidConfigurationPropertyValueException(property, String.join(",", trustedKeyIds),
                "YOUFU_MODE=production needs " + variable + ": the comma-separated ids of the keys whose signatures "
                        + "verify. It must include the key in use, " + keyId + ", and any earlier key whose "
                        + "signatures are still to be verified.");
    }

    public String keyId() {
        return keyId;
    }

    /** The public key, X.509 SubjectPublicKeyInfo DER. */
    public byte[] publicKey() {
        return publicKey.getEncoded();
    }

    /** An SM3withSM2 signature of {@code message} (DER, with the standard's default signer ID, GM/T 0009). */
    public byte[] sign(byte[] message) {
        var signature = signers.get();
        try {
            signature.update(message);
            return signature.sign();
        } catch (GeneralSecurityException | RuntimeException e) {
            signers.remove(); // its state is unknown now: the next signature starts from a fresh signer
            if (e instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException("SM2 signing failed with key " + keyId, e);
        }
    }

    /** A new SM3 digest (not thread-safe: one per thread or per use). */
    public static MessageDigest sm3() {
        try {
            return MessageDigest.getInstance("SM3", PROVIDER);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SM3 is not available from BouncyCastle", e);
        }
    }

    /** The key id of an X.509-encoded public key. */
    public static String keyId(byte[] encodedPublicKey) {
        return "sm2-" + HEX.formatHex(Arrays.copyOf(sm3().digest(encodedPublicKey), 16));
    }

    /** Reads an X.509-encoded SM2 public key. */
    public static PublicKey publicKey(byte[] encoded) throws GeneralSecurityException {
        return KeyFactory.getInstance("EC", PROVIDER).generatePublic(new X509EncodedKeySpec(encoded));
    }

    /** Whether {@code signature} is a valid SM3withSM2 signature of {@code message} by {@code key}. */
    public static boolean verify(PublicKey key, byte[] message, byte[] signature) {
        try {
            var verifier = sm2();
            verifier.initVerify(key);
            verifier.update(message);
            return verifier.verify(signature);
        } catch (GeneralSecurityException | RuntimeException e) {
            return false; // a malformed signature is an invalid one
        }
    }

    /**
     * Reads a PEM SM2 private key: PKCS#8 ({@code PRIVATE KEY}) or SEC 1 ({@code EC PRIVATE KEY}).
     *
     * @param description what the key is for, e.g. {@code audit signing key}, for error messages
     */
    public static Sm2SigningKey load(Path pem, String description) {
        try (var parser = new PEMParser(Files.newBufferedReader(pem))) {
            var converter = new JcaPEMKeyConverter().setProvider(PROVIDER);
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
            var publicKey = KeyFactory.getInstance("EC", PROVIDER)
                    .generatePublic(new ECPublicKeySpec(spec.getG().multiply(ec.getD()).normalize(), spec));
            return new Sm2SigningKey(new KeyPair(publicKey, privateKey));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the " + description + " " + pem + ": " + e.getMessage(), e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot use the " + description + " " + pem + ": " + e.getMessage(), e);
        }
    }

    /**
     * Demo mode: the key in {@code pem}, generated and written there (owner-only) on first use.
     *
     * @param temporaryPrefix the name prefix of the temporary file the new key is written to before it is linked
     */
    public static Sm2SigningKey loadOrGenerate(Path pem, String description, String temporaryPrefix) {
        if (Files.exists(pem)) {
            return load(pem, description);
        }
        try {
            var generator = KeyPairGenerator.getInstance("EC", PROVIDER);
            generator.initialize(new ECGenParameterSpec(CURVE), new SecureRandom());
            var pair = generator.generateKeyPair();
            Files.createDirectories(pem.toAbsolutePath().getParent());
            Path temporary = Files.createTempFile(pem.toAbsolutePath().getParent(), temporaryPrefix, ".tmp");
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
            return load(pem, description);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the " + description + " " + pem + ": " + e.getMessage(), e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot generate an SM2 key", e);
        }
    }

    private static Signature sm2() throws GeneralSecurityException {
        return Signature.getInstance("SM3withSM2", PROVIDER);
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
