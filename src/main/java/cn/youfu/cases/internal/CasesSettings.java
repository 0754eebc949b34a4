package cn.youfu.cases.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param sweepInterval how often the clock sweep looks for reminders, escalations and overdue cases
 * @param sweepBatch    at most this many cases per sweep (the rest follow in the next one)
 */
@ConfigurationProperties("youfu.cases")
record CasesSettings(@DefaultValue("1m") Duration sweepInterval, @DefaultValue("1000") int sweepBatch) {
}
