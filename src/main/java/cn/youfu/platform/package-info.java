/**
 * What every module stands on: the run mode and data directory ({@link cn.youfu.platform.YoufuSettings}), the
 * database (embedded PostgreSQL unless {@code YOUFU_DB_URL} names an external one), and the way errors reach
 * people: {@link cn.youfu.platform.ProblemException} and its subclasses become RFC 9457 problem details whose
 * messages come from the message bundles, in Chinese by default and in English on request.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Platform", allowedDependencies = {})
package cn.youfu.platform;
