package cn.youfu.sources;

/**
 * Makes answers as the sources do — stamped with the time (milliseconds) and the SM3 of their canonical JSON (see
 * {@link SourceAnswer}) — for a caller that answers in a source's place: a source that did not answer in time, or a
 * record Youfu keeps itself that a decision reads alongside the sources.
 */
public interface SourceAnswers {

    <T> SourceAnswer<T> found(String source, String key, T value);

    <T> SourceAnswer<T> notFound(String source, String key);

    <T> SourceAnswer<T> unavailable(String source, String key, String reason);
}
