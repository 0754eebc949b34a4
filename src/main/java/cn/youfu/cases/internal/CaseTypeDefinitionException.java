package cn.youfu.cases.internal;

/** A case type file that cannot be used: start-up stops and says which file, which line and what is wrong. */
final class CaseTypeDefinitionException extends IllegalStateException {

    private final String file;
    private final int line;
    private final String problem;

    CaseTypeDefinitionException(String file, int line, String problem) {
        super(file + ", line " + line + ": " + problem);
        this.file = file;
        this.line = line;
        this.problem = problem;
    }

    String file() {
        return file;
    }

    int line() {
        return line;
    }

    String problem() {
        return problem;
    }
}
