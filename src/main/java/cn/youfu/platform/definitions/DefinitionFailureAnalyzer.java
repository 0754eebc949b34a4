package cn.youfu.platform.definitions;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns a bad definition file into a start-up message an administrator can act on. */
class DefinitionFailureAnalyzer extends AbstractFailureAnalyzer<DefinitionException> {

    @Override
    protected FailureAnalysis analyze(Throwable root, DefinitionException cause) {
        return new FailureAnalysis("The definition file " + cause.file() + " is not valid at line " + cause.line()
                + ": " + cause.problem(),
                "Correct " + cause.file() + " (under src/main/resources/) and start again.", cause);
    }
}
