package cn.youfu.materials.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A reading that hangs, fails or runs out of memory gives an outcome with its reason, in bounded time. */
class BoundedReadingTest {

    final java.util.concurrent.ExecutorService workers = Executors.newCachedThreadPool();

    @AfterEach
    void stop() {
        workers.shutdownNow();
    }

    @Test
    void aReadingThatTakesTooLongIsGivenUpAndItsWorkerInterrupted() throws Exception {
        var interrupted = new AtomicBoolean();
        long started = System.nanoTime();
        var outcome = BoundedReading.run(workers, Duration.ofMillis(300), () -> {
            try {
                Thread.sleep(60_000);
            } catch (InterruptedException e) {
                interrupted.set(true);
            }
            return "late";
        });
        assertThat(outcome.value()).isNull();
        assertThat(outcome.reason()).isEqualTo("not read within 0 s");
        assertThat((System.nanoTime() - started) / 1e9).isLessThan(5);
        workers.shutdown();
        assertThat(workers.awaitTermination(5, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        assertThat(interrupted).isTrue();
    }

    @Test
    void runningOutOfMemoryIsAReasonNotACrash() throws Exception {
        var outcome = BoundedReading.run(workers, Duration.ofSeconds(5), () -> {
            throw new OutOfMemoryError("Java heap space");
        });
        assertThat(outcome.reason()).isEqualTo("the file needs more memory to read than a reading may take");
    }

    @Test
    void aFailureKeepsItsMessageAndAResultIsKept() throws Exception {
        assertThat(BoundedReading.run(workers, Duration.ofSeconds(5), () -> {
            throw new java.io.IOException("not a readable image");
        }).reason()).isEqualTo("not a readable image");
        assertThat(BoundedReading.run(workers, Duration.ofSeconds(5), () -> "fields").value()).isEqualTo("fields");
    }
}
