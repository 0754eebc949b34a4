package cn.youfu.approval;

import cn.youfu.audit.AuditedAction;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;

/**
 * The machine decided an application: recorded on the case's ledger with what it rested on — the item and policy
 * version, each source's answer (status, SM3 hash of the answer, time), each condition's outcome, the decision.
 */
public record ApplicationDecided(String reference, String item, int policyVersion, String applicant,
                                 Instant at, List<SourceUsed> sources, List<ConditionOutcome> conditions,
                                 Decision decision, long millis) implements AuditedAction {

    public record SourceUsed(String source, String status, String sm3, Instant fetchedAt) {
    }

    public record ConditionOutcome(String condition, String outcome) {
    }

    @Override
    public String stream() {
        return reference;
    }

    @Override
    public String actor() {
        return "system";
    }

    @Override
    public String action() {
        return "application.decided";
    }

    @Override
    public Object payload() {
        var payload = new LinkedHashMap<String, Object>();
        payload.put("item", item);
        payload.put("policyVersion", policyVersion);
        payload.put("sources", sources);
        payload.put("conditions", conditions);
        payload.put("decision", decision);
        payload.put("millis", millis);
        return payload;
    }
}
