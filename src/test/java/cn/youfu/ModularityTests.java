package cn.youfu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClass;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModule;
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

    /**
     * docs/architecture.md's module table and docs/architecture/modules.puml are what Spring Modulith finds in the
     * code: the test fails when either is stale, and {@code -Dyoufu.architecture.update=true} rewrites them.
     */
    @Test
    void theArchitectureDocumentIsWhatTheCodeIs() throws Exception {
        new Documenter(MODULES, GENERATED.toString()).writeModulesAsPlantUml();
        var diagram = Files.readString(GENERATED.resolve("components.puml"));
        var table = moduleTable();
        var document = Files.readString(ARCHITECTURE);
        int begin = document.indexOf(BEGIN) + BEGIN.length();
        int end = document.indexOf(END);
        if (Boolean.getBoolean("youfu.architecture.update")) {
            Files.writeString(ARCHITECTURE, document.substring(0, begin) + "\n" + table + document.substring(end));
            Files.createDirectories(DIAGRAM.getParent());
            if (!Files.exists(DIAGRAM) || !sameLines(Files.readString(DIAGRAM), diagram)) {
                Files.writeString(DIAGRAM, diagram); // unchanged relations keep their order: no churn in review
            }
            return;
        }
        assertThat(document.substring(begin, end).strip()).as("docs/architecture.md's module table")
                .isEqualTo(table.strip());
        assertThat(sameLines(Files.readString(DIAGRAM), diagram)).as("docs/architecture/modules.puml is what "
                + "Documenter writes now (%s)", GENERATED.resolve("components.puml")).isTrue();
    }

    /** Documenter lists the relations in no fixed order: the same lines, in any order, are the same diagram. */
    private static boolean sameLines(String a, String b) {
        return a.lines().sorted().toList().equals(b.lines().sorted().toList());
    }

    static final Path GENERATED = Path.of("target/spring-modulith-docs");
    static final Path ARCHITECTURE = Path.of("docs/architecture.md");
    static final Path DIAGRAM = Path.of("docs/architecture/modules.puml");
    static final String BEGIN = "<!-- modules:begin -->";
    static final String END = "<!-- modules:end -->";

    /** Each module: what it is, the modules its code uses, the events of other modules it listens to. */
    private static String moduleTable() {
        var table = new StringBuilder("| module | what it is | uses | listens to |\n|---|---|---|---|\n");
        MODULES.stream().sorted(Comparator.comparing(ApplicationModule::getName)).forEach(module -> {
            var uses = module.getDirectDependencies(MODULES).uniqueModules().map(ApplicationModule::getName)
                    .sorted().collect(Collectors.joining(", "));
            var events = module.getEventsListenedTo(MODULES).stream().map(JavaClass::getSimpleName).sorted()
                    .distinct().collect(Collectors.joining(", "));
            table.append("| `").append(module.getName()).append("` | ").append(module.getDisplayName())
                    .append(" | ").append(uses.isEmpty() ? "—" : uses).append(" | ")
                    .append(events.isEmpty() ? "—" : events).append(" |\n");
        });
        return table.toString();
    }
}
