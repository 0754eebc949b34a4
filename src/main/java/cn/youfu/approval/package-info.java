/**
 * 秒批: decides an application in the same request. It validates the item's form, fetches the sources the item's
 * policy needs in parallel, evaluates the policy condition by condition, opens the case and, when every condition
 * is met, approves it and issues the e-certificate; when one is not met it refuses with every reason, its legal
 * basis and the applicant's remedies; when anything is unknown (a source down, a record missing, a name that does
 * not match) it refers the case to an officer on the item's statutory clock. It never approves on missing data.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Instant approval",
        allowedDependencies = {"platform", "calendar", "identity", "catalog", "sources", "cases", "audit", "certificates",
                "materials"})
package cn.youfu.approval;
