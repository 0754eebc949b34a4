package cn.youfu.cases.internal;

import cn.youfu.platform.ProblemException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Function;
import java.util.function.IntConsumer;

/**
 * Runs the transitions that callers ask for at the same moment in one transaction, so that a busy engine commits
 * (and the ledger writes) once for many of them (group commit). Nobody waits for a batch to fill: a caller whose
 * request finds no batch running runs it at once, alone; requests that arrive while a batch runs are taken together by
 * the next one. A caller runs batches itself (flat combining): there is no thread of its own to stop or to lose.
 *
 * <p>Each request still succeeds or is refused on its own. A refusal ({@link ProblemException}: not found, not
 * allowed, changed meanwhile) is found before the request writes anything and does not touch the others. Anything
 * else that fails a batch rolls all of it back, and each of its requests is then run again in a transaction of its
 * own, so one request's failure is never another's.
 *
 * @param <R> a request
 * @param <A> its result
 */
final class GroupCommit<R, A> {

    /** The requests a batch takes at most. */
    static final int MAX_BATCH = 64;

    /** How many batches may run at once (one in PostgreSQL while the next is prepared in the JVM). */
    static final int RUNNERS = 2;

    private final ConcurrentLinkedQueue<Request<R, A>> queue = new ConcurrentLinkedQueue<>();
    private final Semaphore runners = new Semaphore(RUNNERS);
    private final Function<R, Object> key;
    private final Function<List<R>, List<Outcome<A>>> batch;
    private final Function<R, A> alone;
    private final IntConsumer batchSizes;

    /** What became of one request of a committed batch: its result, or the refusal that left it unwritten. */
    record Outcome<A>(A result, ProblemException refusal) {
    }

    /**
     * @param key   what two requests of one batch must not share (the case): the later waits for the next batch
     * @param batch runs requests in one transaction and, once it committed, tells what became of each, in order;
     *              throws (having rolled back) when the transaction failed as a whole
     * @param alone runs one request in a transaction of its own
     * @param batchSizes told how many requests each transaction took
     */
    GroupCommit(Function<R, Object> key, Function<List<R>, List<Outcome<A>>> batch, Function<R, A> alone,
                IntConsumer batchSizes) {
        this.key = key;
        this.batch = batch;
        this.alone = alone;
        this.batchSizes = batchSizes;
    }

    /** A request and, once done, its result or failure. */
    private static final class Request<R, A> {
        final R request;
        private final Thread caller = Thread.currentThread();
        private volatile boolean done;
        private A result;
        private RuntimeException failure;

        Request(R request) {
            this.request = request;
        }

        void succeed(A value) {
            result = value;
            finish();
        }

        void fail(RuntimeException e) {
            failure = e;
            finish();
        }

        boolean done() {
            return done;
        }

        private void finish() {
            done = true;
            LockSupport.unpark(caller);
        }
    }

    A submit(R request) {
        var mine = new Request<R, A>(request);
        queue.add(mine);
        boolean interrupted = false;
        while (!mine.done()) {
            if (runners.tryAcquire()) {
                try {
                    runQueued(mine);
                } finally {
                    runners.release();
                }
            } else {
                // A runner will take it; look again now and then in case the runners left before it was queued.
                LockSupport.parkNanos(this, TimeUnit.MILLISECONDS.toNanos(1));
                interrupted |= Thread.interrupted();
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        if (mine.failure != null) {
            throw mine.failure;
        }
        return mine.result;
    }

    /** Runs batches while requests wait, until the caller's own is done. */
    private void runQueued(Request<R, A> mine) {
        while (!mine.done()) {
            var taken = take();
            if (taken.isEmpty()) {
                return; // another runner holds it
            }
            run(taken);
        }
    }

    private List<Request<R, A>> take() {
        var taken = new ArrayList<Request<R, A>>();
        var keys = new HashSet<>();
        var later = new ArrayList<Request<R, A>>();
        Request<R, A> next;
        while (taken.size() < MAX_BATCH && (next = queue.poll()) != null) {
            if (keys.add(key.apply(next.request))) {
                taken.add(next);
            } else {
                later.add(next);
            }
        }
        queue.addAll(later);
        return taken;
    }

    private void run(List<Request<R, A>> taken) {
        try {
            if (taken.size() > 1) {
                List<Outcome<A>> outcomes;
                try {
                    outcomes = batch.apply(taken.stream().map(r -> r.request).toList());
                } catch (RuntimeException failedAsAWhole) {
                    outcomes = null; // rolled back: each is run again on its own below
                }
                if (outcomes != null) {
                    batchSizes.accept(taken.size());
                    for (int i = 0; i < taken.size(); i++) {
                        var outcome = outcomes.get(i);
                        if (outcome.refusal() != null) {
                            taken.get(i).fail(outcome.refusal());
                        } else {
                            taken.get(i).succeed(outcome.result());
                        }
                    }
                    return;
                }
            }
            for (var r : taken) {
                try {
                    batchSizes.accept(1);
                    r.succeed(alone.apply(r.request));
                } catch (RuntimeException e) {
                    r.fail(e);
                }
            }
        } finally {
            taken.stream().filter(r -> !r.done()).forEach(r -> r.fail(new IllegalStateException(
                    "a transition was left undone by its batch")));
        }
    }
}
