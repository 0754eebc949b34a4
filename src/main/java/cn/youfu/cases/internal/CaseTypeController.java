package cn.youfu.cases.internal;

import cn.youfu.platform.PublicEndpoint;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The rules of each kind of case, public: anyone may read what the law and the city promise. */
@RestController
@PublicEndpoint
@RequestMapping(path = "/api/v1/case-types", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Cases")
class CaseTypeController {

    private final CaseTypes types;

    CaseTypeController(CaseTypes types) {
        this.types = types;
    }

    record TypeView(String code, int version, String name, String basis, String department, List<String> directCreation,
                    String initial, List<StateView> states, List<TransitionView> transitions, CaseType.ClockRules clock) {
    }

    record StateView(String code, String name, boolean pausesClock, boolean terminal, String basis) {
    }

    record TransitionView(String action, String name, List<String> from, String to, List<String> by,
                          boolean commentRequired, String basis) {
    }

    @GetMapping
    @Operation(summary = "All case types with their states, transitions and clocks")
    List<TypeView> all() {
        return types.all().stream().map(CaseTypeController::view).toList();
    }

    @GetMapping("/{code}")
    @Operation(summary = "One case type")
    TypeView one(@PathVariable String code) {
        return types.find(code).map(CaseTypeController::view)
                .orElseThrow(() -> CaseProblems.unknownType(code, types.codes()));
    }

    private static TypeView view(CaseType type) {
        var locale = LocaleContextHolder.getLocale();
        return new TypeView(type.code(), type.version(), type.name().in(locale), type.basis(), type.department(),
                type.directCreation().stream().map(r -> r.claim()).sorted().toList(), type.initial(),
                type.states().values().stream().map(s -> new StateView(s.code(), s.name().in(locale),
                        s.pausesClock(), s.terminal(), s.basis())).toList(),
                type.transitions().stream().map(t -> new TransitionView(t.action(), t.name().in(locale),
                        t.from().stream().sorted().toList(), t.to(),
                        t.by().stream().map(r -> r.claim()).sorted().toList(), t.commentRequired(), t.basis()))
                        .toList(),
                type.clock());
    }
}
