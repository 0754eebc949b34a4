/**
 * 执法全过程记录: the tamper-evident record of every action on a case.
 *
 * <p>Other modules never call a write method: they publish events that implement
 * {@link cn.youfu.audit.AuditedAction}, and this module appends each one to an append-only ledger inside the
 * publisher's transaction, so that an action and its record commit or roll back together. Each stream (one case, or
 * another subject key) is a hash chain of SM3 hashes; at a fixed interval every new entry is sealed into a signed
 * checkpoint (a Merkle root over the entries, SM2 signature). {@link cn.youfu.audit.Ledger} reads a stream's
 * timeline and re-verifies the whole ledger. Design notes and the command-line check: {@code docs/audit.md}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Audit ledger", allowedDependencies = "platform")
package cn.youfu.audit;
