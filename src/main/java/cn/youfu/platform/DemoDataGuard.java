package cn.youfu.platform;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Production refuses to start on a database a demo instance has used: every module's {@link DemoTraces} are asked
 * once the schema is migrated (their repositories wait for Flyway) and while the beans are still being made, so
 * before any module's start-up check reads the data (e.g. dispatch's contact key check, which a demo database fails
 * too, less clearly) and before the server takes requests; all that is found is reported at once.
 */
@Component
@ConditionalOnProperty(name = "youfu.mode", havingValue = "production")
class DemoDataGuard implements InitializingBean {

    private final ObjectProvider<DemoTraces> traces;

    DemoDataGuard(ObjectProvider<DemoTraces> traces) {
        this.traces = traces;
    }

    @Override
    public void afterPropertiesSet() {
        var found = traces.orderedStream().flatMap(t -> t.find().stream()).toList();
        if (found.isEmpty()) {
            return;
        }
        var remedy = "Production needs a database no demo instance has used: point YOUFU_DB_URL at a new database "
                + "(or YOUFU_DATA_DIR at an empty directory); never copy a demo database into production.";
        throw new StartupRefusal("This database holds demo data, which production never uses",
                found.stream().map(f -> new StartupRefusal.Reason(f, remedy)).toList());
    }
}
