package cn.youfu.materials.internal;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One reading run on a worker thread and waited for at most a given time: its result, or why there is none — it did
 * not finish in time (the worker is then interrupted), it failed, or it ran out of memory. Whatever the work does, the
 * caller gets an outcome and can go on to the next.
 *
 * @param value  the result, or null when the reading failed
 * @param reason why it failed, in words for the record, or null
 */
record BoundedReading<T>(T value, String reason) {

    /** Runs {@code work} on {@code workers}, waiting at most {@code limit}. */
    static <T> BoundedReading<T> run(ExecutorService workers, Duration limit, Callable<T> work)
            throws InterruptedException {
        var reading = workers.submit(work);
        try {
            return new BoundedReading<>(reading.get(limit.toMillis(), TimeUnit.MILLISECONDS), null);
        } catch (TimeoutException e) {
            reading.cancel(true);
            return new BoundedReading<>(null, "not read within " + limit.toSeconds() + " s");
        } catch (ExecutionException e) {
            return new BoundedReading<>(null, reason(e.getCause()));
        } catch (InterruptedException e) {
            reading.cancel(true);
            throw e;
        }
    }

    /** Why a reading failed, in words for the record. */
    static String reason(Throwable e) {
        if (e instanceof ExecutionException && e.getCause() != null) {
            return reason(e.getCause()); // the models could not be loaded
        }
        if (e instanceof OutOfMemoryError) {
            return "the file needs more memory to read than a reading may take";
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
