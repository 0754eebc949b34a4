package cn.youfu.approval.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param sourceTimeout how long a decision waits for the data sources; a source that has not answered by then counts
 *                      as unavailable (the application goes to an officer)
 * @param sourceThreads threads that ask the sources in parallel
 * @param maxInFlight   applications decided at once ({@link Admission}: once authenticated, read and their materials
 *                      read); more wait up to {@code admissionWait}, then get 503 with Retry-After — an overloaded
 *                      server says "busy" rather than letting its sources time out and refer sound applications to
 *                      officers
 * @param materialPatience how long a decision waits for the reading of a material submitted with it; one still
 *                      unread then makes the conditions on it unknown (the application goes to an officer)
 * @param idempotencyRetention how long the first answer to a submission with an {@code Idempotency-Key} is kept;
 *                      a retry after that is a new submission (clients retry within minutes; a day is generous)
 */
@ConfigurationProperties("youfu.approval")
record ApprovalSettings(@DefaultValue("1s") Duration sourceTimeout, @DefaultValue("32") int sourceThreads,
                        @DefaultValue("16") int maxInFlight, @DefaultValue("500ms") Duration admissionWait,
                        @DefaultValue("10s") Duration materialPatience,
                        @DefaultValue("24h") Duration idempotencyRetention) {
}
