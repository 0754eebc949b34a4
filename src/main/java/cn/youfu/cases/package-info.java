/**
 * The case engine: every kind of work (an application, a complaint, a request for information, an enforcement case,
 * a petition) is a case on a statutory clock.
 *
 * <p>Case types are data ({@code src/main/resources/case-types/*.yaml}): states, transitions and the roles that may
 * take them, the statutory and promised limits, what pauses the clock and what may extend it. A case refuses a
 * transition its type does not allow; its deadlines are counted by the {@code calendar} module and recomputed when
 * the clock pauses, resumes or is extended. Every change is published as an event that also implements
 * {@link cn.youfu.audit.AuditedAction}, so the ledger records it in the same transaction; other modules listen to the
 * same events. {@link cn.youfu.cases.CaseEngine} is the facade other modules call.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Cases and statutory clocks",
        allowedDependencies = {"platform", "platform :: definitions", "calendar", "identity", "audit"})
package cn.youfu.cases;
