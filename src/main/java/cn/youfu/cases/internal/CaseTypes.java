package cn.youfu.cases.internal;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** The case types loaded at start-up from {@code case-types/*.yaml}; a bad file stops start-up. */
@Component
class CaseTypes {

    private final Map<String, CaseType> byCode = new LinkedHashMap<>();

    CaseTypes() {
        new CaseTypeLoader().loadClasspath().forEach(type -> byCode.put(type.code(), type));
    }

    Optional<CaseType> find(String code) {
        return Optional.ofNullable(code == null ? null : byCode.get(code));
    }

    CaseType require(String code) {
        return find(code).orElseThrow(() -> new IllegalStateException("a stored case has the unknown type '" + code
                + "': its case type file was removed"));
    }

    Collection<CaseType> all() {
        return byCode.values();
    }

    List<String> codes() {
        return List.copyOf(byCode.keySet());
    }
}
