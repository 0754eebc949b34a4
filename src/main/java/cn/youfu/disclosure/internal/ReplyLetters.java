package cn.youfu.disclosure.internal;

import cn.youfu.documents.Documents;
import cn.youfu.platform.Sm2SigningKey;
import cn.youfu.platform.Sm3;
import cn.youfu.platform.YoufuSettings;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Signs reply letters with the module's SM2 key and verifies them, as electronic certificates are: the signature
 * covers the SM3 of the letter's recorded data together with the SM3 of the PDF's bytes, so the document is bound to
 * the reply. The data's bytes are its JSON by the application's mapper (fields in declaration order) after a domain
 * tag. A letter verifies when its stored PDF is intact, the signature is valid under a registered key, and (for a PDF
 * someone holds) its bytes are the signed ones.
 */
@Component
class ReplyLetters {

    private static final String DATA_TAG = "youfu.disclosure.letter.data.v1\n";
    private static final String SIGNED_TAG = "youfu.disclosure.letter.signed.v1\n";

    /** What a letter's signature covers besides its PDF. */
    record LetterData(UUID letterId, String number, String reference, String agency, String type,
                      Replies.Content content, int feeYuan, String feeRule, LocalDate receivedOn,
                      LocalDate repliedOn) {
    }

    /** The outcome of verifying a letter. */
    enum Status { VALID, TAMPERED, SIGNATURE_INVALID }

    private final Sm2SigningKey key;
    private final Replies replies;
    private final Documents documents;
    private final JsonMapper json;
    private final Clock clock;

    ReplyLetters(DisclosureSettings settings, YoufuSettings youfu, Replies replies, Documents documents,
                 JsonMapper json, Clock clock) {
        this.key = Sm2SigningKey.configured(settings.signingKey(), youfu, "disclosure-sm2.pem",
                "youfu.disclosure.signing-key", "YOUFU_MODE=production needs YOUFU_DISCLOSURE_SIGNING_KEY, the path "
                        + "of a PEM SM2 private key that signs reply letters (e.g. openssl genpkey -algorithm SM2 -out "
                        + "disclosure-sm2.pem).", "reply letter signing key");
        this.replies = replies;
        this.documents = documents;
        this.json = json;
        this.clock = clock;
    }

    /** Publishes this instance's public key before the first letter, so that any instance can verify. */
    @EventListener(ApplicationReadyEvent.class)
    void registerKey() {
        replies.registerKey(key.keyId(), key.publicKey(), clock.instant());
    }

    String keyId() {
        return key.keyId();
    }

    String dataSm3(LetterData data) {
        return Sm3.hex((DATA_TAG + json.writeValueAsString(data)).getBytes(StandardCharsets.UTF_8));
    }

    byte[] sign(String dataSm3, String documentSm3) {
        return key.sign(message(dataSm3, documentSm3));
    }

    /** Re-checks the stored PDF and the signature over the data recomputed from the record. */
    Status verify(Replies.Stored reply, LetterData data) {
        if (!documents.intact(reply.documentSm3())) {
            return Status.TAMPERED;
        }
        var recomputed = dataSm3(data);
        boolean authentic = recomputed.equals(reply.dataSm3()) && replies.publicKey(reply.keyId())
                .filter(encoded -> Sm2SigningKey.keyId(encoded).equals(reply.keyId()))
                .flatMap(ReplyLetters::publicKey)
                .map(k -> Sm2SigningKey.verify(k, message(recomputed, reply.documentSm3()), reply.signature()))
                .orElse(false);
        return authentic ? Status.VALID : Status.SIGNATURE_INVALID;
    }

    private static Optional<java.security.PublicKey> publicKey(byte[] encoded) {
        try {
            return Optional.of(Sm2SigningKey.publicKey(encoded));
        } catch (GeneralSecurityException e) {
            return Optional.empty();
        }
    }

    /** The signed bytes: a tag, then the two fixed-length hex hashes. */
    private static byte[] message(String dataSm3, String documentSm3) {
        HexFormat.of().parseHex(documentSm3); // a malformed hash is no document: fail before signing anything
        return (SIGNED_TAG + dataSm3 + "\n" + documentSm3).getBytes(StandardCharsets.US_ASCII);
    }
}
