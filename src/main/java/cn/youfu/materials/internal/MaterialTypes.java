package cn.youfu.materials.internal;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;

/** The materials Youfu can read, by code, each with its extractor. */
@Component
class MaterialTypes {

    private final Map<String, MaterialExtractor> extractors = Map.of(
            IdCardFrontExtractor.CODE, new IdCardFrontExtractor(),
            BusinessLicenceExtractor.CODE, new BusinessLicenceExtractor(),
            ResidencePermitExtractor.CODE, new ResidencePermitExtractor());

    Optional<MaterialExtractor> find(String code) {
        return Optional.ofNullable(code == null ? null : extractors.get(code));
    }

    Set<String> codes() {
        return extractors.keySet();
    }
}
