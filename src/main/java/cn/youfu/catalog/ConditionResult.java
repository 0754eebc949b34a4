package cn.youfu.catalog;

import cn.youfu.catalog.ServiceItem.Condition;

/**
 * How one condition came out.
 *
 * @param explanation the facts in words (from the condition's {@code explain}), or null
 * @param unknownBecause why the outcome is unknown (a source unavailable, data missing), or null
 */
public record ConditionResult(Condition condition, Outcome outcome, String explanation, String unknownBecause) {

    public enum Outcome {
        /** The condition is met. */
        PASS,
        /** The condition is not met. */
        FAIL,
        /** It could not be told: a source is unavailable or the data needed is missing. Never approves. */
        UNKNOWN
    }
}
