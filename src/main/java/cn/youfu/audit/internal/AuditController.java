package cn.youfu.audit.internal;

import cn.youfu.audit.Ledger;
import cn.youfu.audit.LedgerEntry;
import cn.youfu.audit.VerificationReport;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import cn.youfu.platform.PublicEndpoint;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The record for supervisors: a case's timeline, and a check that nothing in the ledger was changed. */
@RestController
@RequestMapping(path = "/api/v1/audit", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Audit", description = "执法全过程记录: the tamper-evident record of every action on a case")
class AuditController {

    private final Ledger ledger;
    private final JdbcClient jdbc;

    AuditController(Ledger ledger, JdbcClient jdbc) {
        this.ledger = ledger;
        this.jdbc = jdbc;
    }

    @GetMapping("/head")
    @PublicEndpoint
    @Operation(summary = "The newest sealed checkpoint's head: its id, the last entry it covers, its SM3 hash and SM2 "
            + "signature (public, no personal data)",
            description = "Keep a copy: a later head whose chain no longer contains the checkpoint you kept "
                    + "(`GET /api/v1/audit/checkpoints/{id}` answers another hash, or 404) shows that the ledger was "
                    + "cut back or rewritten. 404 before the first checkpoint.")
    CheckpointAnchors.Anchor head() {
        var head = CheckpointAnchors.head(jdbc);
        if (head == null) {
            throw AuditProblems.noCheckpoint("head");
        }
        return head;
    }

    @GetMapping("/checkpoints/{id}")
    @PublicEndpoint
    @Operation(summary = "A sealed checkpoint's head (public), to check that a head kept earlier is still in the "
            + "ledger")
    CheckpointAnchors.Anchor checkpoint(@PathVariable long id) {
        return CheckpointAnchors.checkpoint(jdbc, id)
                .orElseThrow(() -> AuditProblems.noCheckpoint(Long.toString(id)));
    }

    @GetMapping("/verify")
    @PreAuthorize("hasAnyRole('ADMIN','SUPERVISOR')")
    @Operation(summary = "Re-verify every hash, chain link, checkpoint and signature of the ledger",
            description = "`ok` false names the first entry or checkpoint that does not match in `firstBad`.")
    VerificationReport verify() {
        return ledger.verify();
    }

    @GetMapping("/streams/{stream}")
    @PreAuthorize("hasAnyRole('ADMIN','SUPERVISOR')")
    @Operation(summary = "Every recorded action on one case (or other subject), in order")
    List<LedgerEntry> stream(@PathVariable @Parameter(example = "FZ-2026-00012345") String stream) {
        var entries = ledger.entries(stream);
        if (entries.isEmpty()) {
            throw AuditProblems.unknownStream(stream);
        }
        return entries;
    }
}
