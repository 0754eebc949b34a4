package cn.youfu.audit.internal;

import java.time.Instant;
import java.time.ZoneOffset;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The public keys of every key that ever signed a checkpoint ({@code audit.signing_key}), so any instance verifies. */
@Repository
class SigningKeys {

    private final JdbcClient jdbc;

    SigningKeys(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void register(AuditSigningKey key, Instant firstUsed) {
        jdbc.sql("""
                        INSERT INTO audit.signing_key (key_id, public_key, first_used) VALUES (?, ?, ?)
                        ON CONFLICT (key_id) DO NOTHING""")
                .params(key.keyId(), key.publicKey(), firstUsed.atOffset(ZoneOffset.UTC)).update();
    }
}
