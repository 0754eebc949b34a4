package cn.youfu.audit;

import static org.assertj.core.api.Assertions.assertThat;

import cn.youfu.YoufuApplication;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

/** Audit depends on the platform only: the cases and identity modules feed it through events. */
class AuditModularityTest {

    @Test
    void auditDependsOnThePlatformOnly() {
        var modules = ApplicationModules.of(YoufuApplication.class);
        modules.verify();
        var audit = modules.getModuleByName("audit").orElseThrow();
        assertThat(audit.getBootstrapDependencies(modules).map(m -> m.getIdentifier().toString()))
                .allMatch("platform"::equals);
    }
}
