package cn.youfu;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.youfu.platform.PublicEndpoint;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import org.junit.jupiter.api.Test;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Requests reach controllers signed in or anonymous (so that unknown routes answer 404), which makes each handler
 * responsible for saying who may call it. This rule holds every REST handler to {@code @PreAuthorize} or
 * {@link PublicEndpoint}, on the method or its class.
 */
class EndpointGuardRuleTest {

    static final ArchRule EVERY_HANDLER_IS_GUARDED = methods()
            .that().areDeclaredInClassesThat().areAnnotatedWith(RestController.class)
            .and().areMetaAnnotatedWith(RequestMapping.class)
            .should(new ArchCondition<JavaMethod>("be guarded by @PreAuthorize or marked @PublicEndpoint") {
                @Override
                public void check(JavaMethod method, ConditionEvents events) {
                    var owner = method.getOwner();
                    boolean guarded = method.isAnnotatedWith(PreAuthorize.class)
                            || method.isAnnotatedWith(PublicEndpoint.class)
                            || owner.isAnnotatedWith(PreAuthorize.class)
                            || owner.isAnnotatedWith(PublicEndpoint.class);
                    if (!guarded) {
                        events.add(SimpleConditionEvent.violated(method,
                                method.getFullName() + " says neither who may call it nor that it is public"));
                    }
                }
            });

    static JavaClasses classesOf(String pkg) {
        return new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages(pkg);
    }

    @Test
    void everyHandlerOfYoufuIsGuarded() {
        EVERY_HANDLER_IS_GUARDED.check(classesOf("cn.youfu"));
    }

    @Test
    void theRuleFailsOnAnUnguardedHandler() {
        var fixture = new ClassFileImporter().importPackages("youfu.archfixture.endpoints");
        assertThatThrownBy(() -> EVERY_HANDLER_IS_GUARDED.check(fixture))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("forgotten");
    }
}
