package cn.youfu;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.core.Violations;
import org.springframework.modulith.docs.Documenter;

/** The module boundaries of Youfu, verified; and the verification shown to fail on a module that breaks them. */
class ModularityTests {

    static final ApplicationModules MODULES = ApplicationModules.of(YoufuApplication.class);

    @Test
    void modulesRespectTheirBoundaries() {
        MODULES.verify();
    }

    @Test
    void theVerificationFailsWhenAModuleUsesAnotherModulesInternals() {
        // The fixture lives in test sources, which Modulith skips unless told to import everything.
        var broken = ApplicationModules.of("youfu.archfixture.modules", location -> true);
        assertThatThrownBy(broken::verify)
                .isInstanceOf(Violations.class)
                .hasMessageContaining("Secret");
    }

    @Test
    void writesTheModuleDocumentation() {
        new Documenter(MODULES).writeModulesAsPlantUml().writeIndividualModulesAsPlantUml();
    }
}
