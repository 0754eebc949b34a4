package cn.youfu.audit.internal;

import cn.youfu.platform.YoufuSettings;
import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import java.io.IOException;
import java.nio.file.Files;
import tools.jackson.databind.json.JsonMapper;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AuditSettings.class)
class AuditConfiguration {

    @Bean
    AuditSigningKey auditSigningKey(AuditSettings settings, YoufuSettings youfu) {
        AuditSigningKey key;
        if (settings.signingKey() != null) {
            key = AuditSigningKey.load(settings.signingKey());
        } else if (youfu.demo()) {
            key = AuditSigningKey.loadOrGenerate(youfu.dataDir().resolve("keys").resolve("audit-sm2.pem"));
        } else {
            throw new InvalidConfigurationPropertyValueException("youfu.audit.signing-key", null,
                    "YOUFU_MODE=production needs YOUFU_AUDIT_SIGNING_KEY, the path of a PEM SM2 private key that "
                            + "signs the audit ledger's checkpoints (e.g. openssl genpkey -algorithm SM2 -out "
                            + "audit-sm2.pem).");
        }
        key.key().requireTrustedInProduction(youfu, settings.trustedKeyIds(), "youfu.audit.trusted-key-ids",
                "YOUFU_AUDIT_TRUSTED_KEY_IDS");
        return key;
    }

    /** Where sealed checkpoints are anchored outside the database. */
    @Bean
    CheckpointAnchors checkpointAnchors(AuditSettings settings, YoufuSettings youfu, Environment environment,
                                        JsonMapper json) throws IOException {
        if (settings.anchorDir() != null) {
            return new CheckpointAnchors(settings.anchorDir(), json);
        }
        if (!youfu.demo()) {
            throw new InvalidConfigurationPropertyValueException("youfu.audit.anchor-dir", null,
                    "YOUFU_MODE=production needs YOUFU_AUDIT_ANCHOR_DIR, a directory outside the database where each "
                            + "sealed checkpoint's head is appended (another volume or host, ideally write-once), so "
                            + "that a ledger cut back or rewritten in the database is detected.");
        }
        boolean throwAway = environment.getProperty("youfu.db.ephemeral", Boolean.class, false);
        return new CheckpointAnchors(throwAway ? Files.createTempDirectory("youfu-anchors")
                : youfu.dataDir().resolve("audit-anchors"), json);
    }

    /** Seals new entries at a fixed delay; db-scheduler runs each execution on exactly one instance. */
    @Bean
    Task<Void> auditSealCheckpoint(CheckpointSealer sealer, AuditSettings settings) {
        return Tasks.recurring("audit-seal-checkpoint", FixedDelay.of(settings.checkpointInterval()))
                .execute((instance, context) -> sealer.seal());
    }
}
