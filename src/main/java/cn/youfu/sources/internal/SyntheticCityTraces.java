package cn.youfu.sources.internal;

import cn.youfu.platform.DemoTraces;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The synthetic city is demo mode's: its loader writes a row to {@code sources.synthetic_city} in the transaction
 * that loads the made-up residents and enterprises into the sources' tables.
 */
@Component
class SyntheticCityTraces implements DemoTraces {

    private final JdbcClient jdbc;

    SyntheticCityTraces(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<String> find() {
        return jdbc.sql("SELECT seed, residents FROM sources.synthetic_city")
                .query((rs, n) -> "sources.synthetic_city: the synthetic city of demo mode (seed " + rs.getLong(1)
                        + ", " + rs.getInt(2) + " made-up residents) is loaded into the sources' tables")
                .list();
    }
}
