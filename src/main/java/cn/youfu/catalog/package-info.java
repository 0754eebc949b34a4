/**
 * The service catalogue (政务服务事项): what a resident or enterprise can apply for, who may, what is needed, how long
 * it takes by law and by promise, what it costs, the legal basis, the approval policy and the certificate issued.
 *
 * <p>Each item is a versioned YAML file in {@code src/main/resources/catalog/}. Its policy is a list of named
 * conditions written in CEL, compiled and type-checked when the catalogue loads: a rule that does not compile stops
 * start-up naming the item and the rule. {@link cn.youfu.catalog.Catalog#evaluate} evaluates a policy condition by
 * condition; the {@code approval} module supplies the facts and decides.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Service catalogue",
        allowedDependencies = {"platform", "platform :: definitions"})
package cn.youfu.catalog;
