package cn.youfu.platform;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Prints a {@link StartupRefusal} as Spring Boot's start-up failure report: every reason and its remedy. */
class StartupRefusalAnalyzer extends AbstractFailureAnalyzer<StartupRefusal> {

    @Override
    protected FailureAnalysis analyze(Throwable root, StartupRefusal cause) {
        return new FailureAnalysis(cause.getMessage(),
                "Do each of the above (docs/production.md lists every production setting), then start again.", cause);
    }
}
