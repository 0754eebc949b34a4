package cn.youfu.sources.internal;

import cn.youfu.platform.ProblemException;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;

/** The sources' named refusals. */
final class SourceProblems extends ProblemException {

    private SourceProblems(HttpStatus status, String code, Object[] arguments, Map<String, Object> properties) {
        super(status, code, arguments, properties);
    }

    static SourceProblems unknown(String source) {
        var known = SourceCatalog.names();
        return new SourceProblems(HttpStatus.NOT_FOUND, "source-unknown",
                new Object[] {source, String.join(", ", known)}, Map.of("source", source, "knownSources", known));
    }

    /** Production's registries are the data-sharing platform's: nobody here writes them. */
    static SourceProblems uploadDemoOnly(String source) {
        return new SourceProblems(HttpStatus.FORBIDDEN, "source-upload-demo-only", new Object[] {source},
                Map.of("source", source));
    }

    static SourceProblems emptyUpload(String source) {
        return new SourceProblems(HttpStatus.BAD_REQUEST, "source-upload-empty", new Object[] {source},
                Map.of("source", source));
    }

    static SourceProblems tooLarge(String source, long maxBytes) {
        return new SourceProblems(HttpStatus.PAYLOAD_TOO_LARGE, "source-upload-too-large",
                new Object[] {maxBytes}, Map.of("source", source, "maxBytes", maxBytes));
    }

    static SourceProblems tooManyRows(String source, int maxRows) {
        return new SourceProblems(HttpStatus.BAD_REQUEST, "source-upload-too-many-rows",
                new Object[] {maxRows}, Map.of("source", source, "maxRows", maxRows));
    }

    static SourceProblems malformed(String source, int row, String reason) {
        return new SourceProblems(HttpStatus.BAD_REQUEST, "source-upload-malformed", new Object[] {row, reason},
                Map.of("source", source, "row", row, "reason", reason));
    }

    /** The header names columns the source does not have, lacks required ones, or repeats one. */
    static SourceProblems columns(String source, List<String> unknown, List<String> missing, List<String> repeated,
                                  List<String> expected) {
        return new SourceProblems(HttpStatus.BAD_REQUEST, "source-upload-columns",
                new Object[] {none(unknown), none(missing), none(repeated), String.join(",", expected)},
                Map.of("source", source, "unknownColumns", unknown, "missingColumns", missing,
                        "repeatedColumns", repeated, "expectedColumns", expected));
    }

    /** One bad value or row of an upload; {@code column} is null for a rule across columns. */
    record BadRow(int row, String column, String reason) {
    }

    static SourceProblems badRows(String source, List<BadRow> listed, int badRows) {
        return new SourceProblems(HttpStatus.BAD_REQUEST, "source-upload-rows",
                new Object[] {badRows, listed.size()},
                Map.of("source", source, "badRowCount", badRows, "rowNumbering", "header-is-row-1",
                        "errors", listed));
    }

    private static String none(List<String> names) {
        return names.isEmpty() ? "—" : String.join(", ", names);
    }
}
