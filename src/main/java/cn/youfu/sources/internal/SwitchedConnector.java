package cn.youfu.sources.internal;

import cn.youfu.sources.SourceAnswer;
import cn.youfu.sources.SourceAnswers;

/** Answers UNAVAILABLE while an administrator has switched the source off; otherwise asks the connector behind. */
final class SwitchedConnector<T> implements SourceConnector<T> {

    private final String name;
    private final SourceConnector<T> behind;
    private final SourceAvailability availability;
    private final SourceAnswers answers;

    SwitchedConnector(String name, SourceConnector<T> behind, SourceAvailability availability,
                      SourceAnswers answers) {
        this.name = name;
        this.behind = behind;
        this.availability = availability;
        this.answers = answers;
    }

    @Override
    public SourceAnswer<T> fetch(String key) {
        if (!availability.isAvailable(name)) {
            return answers.unavailable(name, key, "the source is switched off (simulated outage)");
        }
        return behind.fetch(key);
    }

    @Override
    public String mode() {
        return behind.mode();
    }
}
