package cn.youfu.dispatch.internal;

import cn.youfu.platform.Sm3;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Open311 API keys of the apps that may post requests. Only a key's SM3 hash is stored; the key is shown once. */
@Repository
class ApiKeys {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    ApiKeys(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** A new key for an app; the answer is the only time it is seen. */
    String issue(String client, String by) {
        var bytes = new byte[24];
        random.nextBytes(bytes);
        var key = "o311-" + HexFormat.of().formatHex(bytes);
        register(key, client, by);
        return key;
    }

    void register(String key, String client, String by) {
        jdbc.sql("""
                        INSERT INTO dispatch.api_key (key_hash, client, created_at, created_by) VALUES (?, ?, ?, ?)
                        ON CONFLICT (key_hash) DO NOTHING""")
                .param(hash(key)).param(client).param(Timestamp.from(clock.instant())).param(by).update();
    }

    /** The app a key belongs to; empty for an unknown key. */
    Optional<String> client(String key) {
        if (key == null || key.isBlank() || key.length() > 200) {
            return Optional.empty();
        }
        return jdbc.sql("SELECT client FROM dispatch.api_key WHERE key_hash = ?").param(hash(key.strip()))
                .query(String.class).optional();
    }

    private static String hash(String key) {
        return Sm3.hex(key.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
}
