package cn.youfu.platform.definitions;

/** A definition file (a case type, a service item) that cannot be used: start-up stops and says which file, which line and what is wrong. */
public final class DefinitionException extends IllegalStateException {

    private final String file;
    private final int line;
    private final String problem;

    public DefinitionException(String file, int line, String problem) {
        super(file + ", line " + line + ": " + problem);
        this.file = file;
        this.line = line;
        this.problem = problem;
    }

    public String file() {
        return file;
    }

    public int line() {
        return line;
    }

    public String problem() {
        return problem;
    }
}
