package cn.youfu.catalog.internal;

import cn.youfu.catalog.Facts;
import dev.cel.common.CelValidationException;
import dev.cel.common.types.CelType;
import dev.cel.common.types.ListType;
import dev.cel.common.types.MapType;
import dev.cel.common.types.SimpleType;
import dev.cel.compiler.CelCompiler;
import dev.cel.compiler.CelCompilerFactory;
import dev.cel.parser.CelStandardMacro;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelRuntime;
import dev.cel.runtime.CelRuntimeFactory;
import java.util.Map;

/**
 * Compiles policy rules once (type-checked against the declared facts) and evaluates them. Compiling costs about a
 * millisecond; evaluating a compiled rule a few microseconds.
 */
final class CelRules {

    private static final CelType RECORD = MapType.create(SimpleType.STRING, SimpleType.DYN);
    private static final CelType RECORDS = ListType.create(SimpleType.DYN);

    private static final Map<String, CelType> VARIABLES = Map.ofEntries(
            Map.entry(Facts.APPLICANT, RECORD),
            Map.entry(Facts.PERSON, SimpleType.DYN),
            Map.entry(Facts.LICENCES, RECORDS),
            Map.entry(Facts.BENEFITS, RECORDS),
            Map.entry(Facts.ENTERPRISE, SimpleType.DYN),
            Map.entry(Facts.CREDIT, RECORDS),
            Map.entry(Facts.MARRIAGE, SimpleType.DYN),
            Map.entry(Facts.EDUCATION, SimpleType.DYN),
            Map.entry(Facts.INSURANCE, SimpleType.DYN),
            Map.entry(Facts.ESTATES, RECORDS),
            Map.entry(Facts.POLICE_RECORDS, RECORDS),
            Map.entry(Facts.FORM, RECORD),
            Map.entry(Facts.TODAY, SimpleType.STRING),
            Map.entry(Facts.MATERIALS, RECORD));

    private final CelCompiler booleans;
    private final CelCompiler strings;
    private final CelRuntime runtime = CelRuntimeFactory.standardCelRuntimeBuilder().build();

    CelRules() {
        this.booleans = compiler(SimpleType.BOOL);
        this.strings = compiler(SimpleType.STRING);
    }

    private static CelCompiler compiler(CelType result) {
        var builder = CelCompilerFactory.standardCelCompilerBuilder()
                .setStandardMacros(CelStandardMacro.STANDARD_MACROS) // has, all, exists, exists_one, map, filter
                .setResultType(result);
        VARIABLES.forEach(builder::addVar);
        return builder.build();
    }

    /**
     * The facts as CEL reads them: a Java {@code null} (a field with no value, a missing record) becomes CEL's
     * {@code null}, so that {@code x == null} is a plain yes or no rather than an unknown.
     */
    @SuppressWarnings("unchecked")
    static Map<String, Object> celValues(Map<String, ?> facts) {
        return (Map<String, Object>) celValue(facts);
    }

    private static Object celValue(Object value) {
        if (value == null) {
            return com.google.protobuf.NullValue.NULL_VALUE;
        }
        if (value instanceof Map<?, ?> map) {
            var copy = new java.util.HashMap<Object, Object>(map.size() * 2);
            map.forEach((k, v) -> copy.put(k, celValue(v)));
            return copy;
        }
        if (value instanceof java.util.List<?> list) {
            return list.stream().map(CelRules::celValue).toList();
        }
        return value;
    }

    /** A compiled rule. */
    interface Rule {
        Object eval(Map<String, ?> facts) throws CelEvaluationException;
    }

    /** @throws IllegalArgumentException with CEL's message when the expression does not compile to a boolean */
    Rule condition(String expression) {
        return compile(booleans, expression);
    }

    /** @throws IllegalArgumentException with CEL's message when the expression does not compile to a string */
    Rule explanation(String expression) {
        return compile(strings, expression);
    }

    private Rule compile(CelCompiler compiler, String expression) {
        try {
            var program = runtime.createProgram(compiler.compile(expression).getAst());
            return program::eval;
        } catch (CelValidationException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        } catch (CelEvaluationException e) {
            throw new IllegalArgumentException("cannot prepare the rule: " + e.getMessage(), e);
        }
    }
}
