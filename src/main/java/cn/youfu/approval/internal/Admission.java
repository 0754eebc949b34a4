package cn.youfu.approval.internal;

import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.springframework.stereotype.Component;

/**
 * How many applications are handled at once ({@link ApprovalSettings#maxInFlight()}); more wait up to
 * {@link ApprovalSettings#admissionWait()} in the order they came (a fair semaphore: no one waits behind later ones),
 * then are told "busy". {@link ApplicationService#submit} admits an application only once it has been
 * authenticated, read, validated and its materials read, so a slow or unauthenticated client never holds a permit.
 */
@Component
class Admission {

    private final Semaphore permits;
    private final long waitMillis;

    Admission(ApprovalSettings settings) {
        this.permits = new Semaphore(settings.maxInFlight(), true);
        this.waitMillis = settings.admissionWait().toMillis();
    }

    /** @return whether the caller may go on; if so, it must {@link #leave()} when done */
    boolean enter() {
        try {
            return permits.tryAcquire(waitMillis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    void leave() {
        permits.release();
    }
}
