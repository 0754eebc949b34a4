package cn.youfu.cases.internal;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns a bad case type file into a start-up message an administrator can act on. */
class CaseTypeFailureAnalyzer extends AbstractFailureAnalyzer<CaseTypeDefinitionException> {

    @Override
    protected FailureAnalysis analyze(Throwable root, CaseTypeDefinitionException cause) {
        return new FailureAnalysis("The case type file " + cause.file() + " is not valid at line " + cause.line()
                + ": " + cause.problem(),
                "Correct " + cause.file() + " (src/main/resources/case-types/) and start again.", cause);
    }
}
