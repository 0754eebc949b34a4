package cn.youfu.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class Sm2SigningKeyTest {

    @TempDir
    Path dir;

    @Test
    void everySignatureOfAReusedSignerVerifiesForItsOwnMessageOnly() throws Exception {
        var key = Sm2SigningKey.loadOrGenerate(dir.resolve("k.pem"), "test key", "k");
        var publicKey = Sm2SigningKey.publicKey(key.publicKey());
        var pool = Executors.newFixedThreadPool(3);
        try {
            var futures = new java.util.ArrayList<java.util.concurrent.Future<Boolean>>();
            for (int i = 0; i < 30; i++) {
                byte[] message = ("message " + i).getBytes(StandardCharsets.UTF_8);
                byte[] other = ("message " + (i + 1)).getBytes(StandardCharsets.UTF_8);
                futures.add(pool.submit(() -> {
                    byte[] signature = key.sign(message);
                    return Sm2SigningKey.verify(publicKey, message, signature)
                            && !Sm2SigningKey.verify(publicKey, other, signature);
                }));
            }
            for (var future : futures) {
                assertThat(future.get()).isTrue();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void twoSignaturesOfOneMessageDiffer() {
        var key = Sm2SigningKey.loadOrGenerate(dir.resolve("k.pem"), "test key", "k");
        byte[] message = "same".getBytes(StandardCharsets.UTF_8);
        assertThat(key.sign(message)).isNotEqualTo(key.sign(message)); // a fresh random k each time
    }
}
