/**
 * The server-rendered pages people use (Thymeleaf and htmx, no Node build): residents and enterprises apply and follow
 * their cases, officers work their inbox, supervisors watch the clocks. Chinese by default, English with
 * {@code ?lang=en}; every text from the message bundles; no inline script or style (the CSP forbids them).
 * Pages call the other modules' published facades only.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Web pages", allowedDependencies = {"platform",
        "calendar", "identity", "catalog", "cases", "approval", "certificates", "audit", "materials", "disclosure"})
package cn.youfu.web;
