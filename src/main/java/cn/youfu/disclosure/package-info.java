/**
 * 政务公开, open government under the 2019 Regulations on Open Government Information (政府信息公开条例): requests for
 * information answered on the law's clock, the reply letters the law types (signed, verifiable), proactive disclosure
 * and its public portal, the annual report, and the on-time figures supervisors watch.
 *
 * <p>Each request is an {@code information-disclosure} case of the case engine, which keeps its state and its
 * statutory clock (receipt, 20 working days, one extension before the deadline, a correction that restarts the
 * period, third-party and agency consultations that pause it); {@link cn.youfu.disclosure.DisclosureClock} explains
 * that clock day by day. The module records what the applicant asked (Art. 29) and what the agency told them, checks
 * that staff act only on their own department's requests, and publishes its steps as ledger events
 * ({@link cn.youfu.disclosure.DisclosureEvents}). {@link cn.youfu.disclosure.DisclosureRequests} is the facade the
 * pages call.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Open government (政务公开)",
        allowedDependencies = {"platform", "calendar", "identity", "cases", "audit", "documents"})
package cn.youfu.disclosure;
