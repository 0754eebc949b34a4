package cn.youfu.audit.internal;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param checkpointInterval how often new entries are sealed into a signed checkpoint (default 1 minute); entries
 *                           not yet sealed are protected by their hash chain only
 * @param signingKey         path of the PEM SM2 private key that signs checkpoints; required in production, in demo
 *                           mode a key is generated once under {@code <youfu.data-dir>/keys/audit-sm2.pem}
 * @param trustedKeyIds      key ids ({@code sm2-…}) whose checkpoints verification accepts. Empty: any key stored in
 *                           {@code audit.signing_key}, which a database owner could replace, so production should pin
 *                           its keys here (production refuses to start without them)
 * @param anchorDir          where each sealed checkpoint's head is appended ({@link CheckpointAnchors}): a place the
 *                           database's users cannot write (another volume or host, write-once storage); required in
 *                           production, in demo mode {@code <youfu.data-dir>/audit-anchors} (a temporary directory
 *                           for a throw-away database)
 */
@ConfigurationProperties("youfu.audit")
record AuditSettings(@DefaultValue("1m") Duration checkpointInterval, Path signingKey,
                     @DefaultValue List<String> trustedKeyIds, Path anchorDir) {
}
