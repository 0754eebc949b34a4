package cn.youfu.audit.internal;

import cn.youfu.platform.YoufuSettings;
import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AuditSettings.class)
class AuditConfiguration {

    @Bean
    AuditSigningKey auditSigningKey(AuditSettings settings, YoufuSettings youfu) {
        if (settings.signingKey() != null) {
            return AuditSigningKey.load(settings.signingKey());
        }
        if (youfu.demo()) {
            return AuditSigningKey.loadOrGenerate(youfu.dataDir().resolve("keys").resolve("audit-sm2.pem"));
        }
        throw new InvalidConfigurationPropertyValueException("youfu.audit.signing-key", null,
                "YOUFU_MODE=production needs YOUFU_AUDIT_SIGNING_KEY, the path of a PEM SM2 private key that signs "
                        + "the audit ledger's checkpoints (e.g. openssl genpkey -algorithm SM2 -out audit-sm2.pem).");
    }

    /** Seals new entries at a fixed delay; db-scheduler runs each execution on exactly one instance. */
    @Bean
    Task<Void> auditSealCheckpoint(CheckpointSealer sealer, AuditSettings settings) {
        return Tasks.recurring("audit-seal-checkpoint", FixedDelay.of(settings.checkpointInterval()))
                .execute((instance, context) -> sealer.seal());
    }
}
