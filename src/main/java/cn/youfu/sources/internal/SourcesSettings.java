package cn.youfu.sources.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * {@code youfu.sources.*}. Each source's connector is configured under its own name ({@link ConnectorSettings},
 * e.g. {@code youfu.sources.population.url}).
 *
 * @param upload        limits of CSV uploads
 * @param syntheticCity the demo's generated city
 */
@ConfigurationProperties("youfu.sources")
record SourcesSettings(@DefaultValue Upload upload, @DefaultValue SyntheticCity syntheticCity) {

    /**
     * @param maxRows        data rows one upload may have (default 200,000); more is refused before anything is read
     *                       further
     * @param maxSize        bytes one upload may have (default 64 MB)
     * @param maxListedRows  bad rows listed in a refusal (default 100; the refusal also says how many there are)
     */
    record Upload(@DefaultValue("200000") int maxRows, @DefaultValue("64MB") DataSize maxSize,
                  @DefaultValue("100") int maxListedRows) {
    }

    /**
     * @param enabled     generate and load the city on the first start in demo mode (default true)
     * @param seed        the random seed: the same seed gives the same city
     * @param residents   how many residents besides the named ones (default 100,000)
     * @param enterprises how many enterprises besides the named ones (default 10,000)
     */
    record SyntheticCity(@DefaultValue("true") boolean enabled, @DefaultValue("20261125") long seed,
                         @DefaultValue("100000") int residents, @DefaultValue("10000") int enterprises) {
    }
}
