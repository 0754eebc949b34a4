package cn.youfu.platform;

import java.util.List;

/**
 * Youfu will not start as configured: every reason found, each with what to do about it, so that an operator learns
 * the whole list from one attempt ({@link StartupRefusalAnalyzer} prints it).
 */
public final class StartupRefusal extends RuntimeException {

    /** One reason: what is wrong, and how to put it right. */
    public record Reason(String problem, String remedy) {
        @Override
        public String toString() {
            return problem + "\n    -> " + remedy;
        }
    }

    private final String summary;
    private final List<Reason> reasons;

    public StartupRefusal(String summary, List<Reason> reasons) {
        super(summary + ":\n  - " + String.join("\n  - ", reasons.stream().map(Reason::toString).toList()));
        this.summary = summary;
        this.reasons = List.copyOf(reasons);
    }

    public String summary() {
        return summary;
    }

    public List<Reason> reasons() {
        return reasons;
    }
}
