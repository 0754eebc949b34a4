/**
 * Messages to people about their cases: the applicant hears of every decision, the officer is reminded before the
 * promised deadline, the supervisors are told when a promise is missed (督办) or a statutory limit passes.
 *
 * <p>It learns of case changes only through the {@code cases} module's events, delivered durably: Spring Modulith
 * stores each event publication in the database with the transaction that caused it, so a crash between commit and
 * delivery loses nothing; a cluster-wide timer redelivers what is still incomplete.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Notifications",
        allowedDependencies = {"platform", "identity", "cases"})
package cn.youfu.notifications;
