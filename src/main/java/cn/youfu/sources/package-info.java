/**
 * 数据共享: the authoritative data an approval checks, one interface per source — population
 * ({@link cn.youfu.sources.PopulationRegistry}), marriage, education, social insurance, enterprises (法人库),
 * electronic licences (电子证照库), benefits already received, real estate and the credit lists (失信名单).
 *
 * <p>Every call answers a {@link cn.youfu.sources.SourceAnswer}: found, not found, or unavailable with a reason —
 * never an exception for a source that is down, so that callers fail closed (a person reviews). Each answer carries
 * its source, when it was fetched, and the SM3 hash of its canonical JSON for the ledger.
 *
 * <p>A source is embedded (tables in schema {@code sources}, loaded by CSV upload or, in demo mode, with a
 * deterministic synthetic city) unless {@code youfu.sources.<name>.url} names the data-sharing platform's endpoint,
 * which is then called over HTTP with timeouts, retry, a circuit breaker and a short cache. An administrator can
 * switch any source off to simulate an outage ({@code PUT /api/v1/sources/{source}/availability}). Uploads and
 * switches are recorded in the ledger (stream {@code sources:<name>}). Data and contracts: {@code docs/demo-data.md}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Data sources",
        allowedDependencies = {"platform", "audit"})
package cn.youfu.sources;
