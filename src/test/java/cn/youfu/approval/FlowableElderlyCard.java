package cn.youfu.approval;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Map;
import javax.sql.DataSource;
import org.flowable.common.engine.impl.history.HistoryLevel;
import org.flowable.dmn.engine.configurator.DmnEngineConfigurator;
import org.flowable.engine.HistoryService;
import org.flowable.engine.ProcessEngine;
import org.flowable.engine.RuntimeService;
import org.flowable.engine.delegate.DelegateExecution;
import org.flowable.engine.delegate.JavaDelegate;
import org.flowable.engine.impl.cfg.StandaloneProcessEngineConfiguration;

/**
 * ApprovalBenchmark's comparison: the elderly-card decision on Flowable 7's standalone BPMN and DMN engines, in the
 * same JVM and on the same PostgreSQL (its own schema {@code flowable}, its own connection pool), configured the way
 * a Java team would leave it: history level {@code audit} (Flowable's default), async executor off, default id
 * generator, IDM and event registry engines left on.
 *
 * <p>One decision = start the process (a service task reads the population record and the e-licences of the
 * applicant from the {@code sources} tables with plain JDBC, a DMN decision task evaluates the table, the process
 * ends) + one history query to read the {@code decision} variable back. No HTTP, no case, no ledger, no certificate.
 */
final class FlowableElderlyCard implements AutoCloseable {

    static final String SCHEMA = "flowable";
    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    private static final DateTimeFormatter BIRTH = DateTimeFormatter.ofPattern("yyyyMMdd");

    private final HikariDataSource pool;
    private final ProcessEngine engine;
    private final RuntimeService runtime;
    private final HistoryService history;

    /**
     * @param jdbcUrl  the embedded PostgreSQL the application runs on
     * @param sources  where the delegate reads the {@code sources} tables (the application's pool: idle while Flowable
     *                 is measured)
     */
    FlowableElderlyCard(String jdbcUrl, String user, DataSource sources, int poolSize) {
        var config = new HikariConfig();
        config.setPoolName("flowable");
        config.setJdbcUrl(jdbcUrl + (jdbcUrl.contains("?") ? "&" : "?") + "currentSchema=" + SCHEMA);
        config.setUsername(user);
        config.setMaximumPoolSize(poolSize);
        this.pool = new HikariDataSource(config);
        try (var connection = pool.getConnection(); var statement = connection.createStatement()) {
            statement.execute("CREATE SCHEMA IF NOT EXISTS " + SCHEMA);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create schema " + SCHEMA, e);
        }
        var configuration = new StandaloneProcessEngineConfiguration();
        configuration.setDataSource(pool);
        configuration.setDatabaseType("postgres");
        configuration.setDatabaseSchema(SCHEMA);
        configuration.setDatabaseSchemaUpdate("true");
        configuration.setAsyncExecutorActivate(false);
        configuration.setHistoryLevel(HistoryLevel.AUDIT);
        configuration.setBeans(Map.of("sources", new ReadSources(sources)));
        configuration.addConfigurator(new DmnEngineConfigurator());
        this.engine = configuration.buildProcessEngine();
        this.runtime = engine.getRuntimeService();
        this.history = engine.getHistoryService();
        engine.getRepositoryService().createDeployment()
                .name("elderly-card benchmark")
                .addClasspathResource("benchmark/elderly-card.bpmn20.xml")
                .addClasspathResource("benchmark/elderly-card.dmn")
                .enableDuplicateFiltering()
                .deploy();
    }

    /** What the engine was configured with, for the report. */
    String settings() {
        var cfg = (StandaloneProcessEngineConfiguration) engine.getProcessEngineConfiguration();
        return "Flowable " + ProcessEngine.class.getPackage().getImplementationVersion() + ", history level "
                + cfg.getHistoryLevel().getKey() + ", async executor " + (cfg.isAsyncExecutorActivate() ? "on" : "off")
                + ", schema " + SCHEMA + ", pool " + pool.getMaximumPoolSize() + " connections, id generator "
                + cfg.getIdGenerator().getClass().getSimpleName();
    }

    /** Decides one application; returns APPROVED, REJECTED or MANUAL_REVIEW. */
    String decide(String idNumber, String applicantName) {
        var variables = new HashMap<String, Object>();
        variables.put("applicantId", idNumber);
        variables.put("applicantName", applicantName);
        var instance = runtime.createProcessInstanceBuilder().processDefinitionKey("elderlyCard")
                .variables(variables).start();
        if (!instance.isEnded()) {
            throw new IllegalStateException("the process did not end: " + instance.getId());
        }
        var decision = history.createHistoricVariableInstanceQuery().processInstanceId(instance.getId())
                .variableName("decision").singleResult();
        if (decision == null) {
            throw new IllegalStateException("no decision in process " + instance.getId());
        }
        return (String) decision.getValue();
    }

    @Override
    public void close() {
        try {
            engine.close();
        } finally {
            pool.close();
        }
    }

    /** The service task: the applicant's population record and e-licences, read as any Java team would. */
    static final class ReadSources implements JavaDelegate {

        private final DataSource sources;

        ReadSources(DataSource sources) {
            this.sources = sources;
        }

        @Override
        public void execute(DelegateExecution execution) {
            var id = (String) execution.getVariable("applicantId");
            var today = LocalDate.now(CHINA);
            var facts = new HashMap<String, Object>();
            facts.put("today", today.toString());
            // The age as Youfu's policy reads it: from the birth date in the ID number, on the application date.
            facts.put("age", Period.between(LocalDate.parse(id.substring(6, 14), BIRTH), today).getYears());
            facts.put("personFound", false);
            facts.put("alive", false);
            facts.put("registryName", null);
            facts.put("hukouDivision", "");
            facts.put("permitDivision", null);
            facts.put("permitExpiry", null);
            int validCards = 0;
            try (var connection = sources.getConnection()) {
                try (var person = connection.prepareStatement("""
                        SELECT name, alive, hukou_division, residence_permit_division, residence_permit_expiry
                        FROM sources.population WHERE id_number = ?""")) {
                    person.setString(1, id);
                    try (var row = person.executeQuery()) {
                        if (row.next()) {
                            facts.put("personFound", true);
                            facts.put("registryName", row.getString(1));
                            facts.put("alive", row.getBoolean(2));
                            facts.put("hukouDivision", row.getString(3));
                            facts.put("permitDivision", row.getString(4));
                            var expiry = row.getDate(5);
                            facts.put("permitExpiry", expiry == null ? null : expiry.toLocalDate().toString());
                        }
                    }
                }
                try (var licences = connection.prepareStatement(
                        "SELECT licence_type, status FROM sources.e_licence WHERE holder_id = ?")) {
                    licences.setString(1, id);
                    try (var rows = licences.executeQuery()) {
                        while (rows.next()) {
                            if ("elderly-card".equals(rows.getString(1)) && "valid".equals(rows.getString(2))) {
                                validCards++;
                            }
                        }
                    }
                }
            } catch (SQLException e) {
                throw new IllegalStateException("the sources could not be read", e);
            }
            facts.put("validElderlyCards", validCards);
            execution.setVariables(facts);
        }
    }
}
