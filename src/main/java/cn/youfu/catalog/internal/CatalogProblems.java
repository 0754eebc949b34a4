package cn.youfu.catalog.internal;

import cn.youfu.platform.ProblemException;
import java.util.Map;
import org.springframework.http.HttpStatus;

final class CatalogProblems extends ProblemException {

    private CatalogProblems(HttpStatus status, String code, Object[] arguments, Map<String, Object> properties) {
        super(status, code, arguments, properties);
    }

    static CatalogProblems unknownItem(String code) {
        return new CatalogProblems(HttpStatus.NOT_FOUND, "item-not-found", new Object[] {code}, Map.of("item", code));
    }
}
