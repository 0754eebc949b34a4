package cn.youfu.audit.internal;

import cn.youfu.audit.Ledger;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code --youfu.command=verify-ledger}: verifies the ledger, prints the report as one line of JSON on standard
 * output, closes the application and exits 0 if the ledger is intact, 1 if not. The command mode starts no web
 * server and no timers ({@code cn.youfu.platform.CommandMode}); the exact command is in {@code docs/audit.md}.
 */
@Component
@ConditionalOnProperty(name = "youfu.command", havingValue = "verify-ledger")
class VerifyLedgerCommand implements ApplicationRunner {

    private final Ledger ledger;
    private final JsonMapper json;
    private final ConfigurableApplicationContext context;

    VerifyLedgerCommand(Ledger ledger, JsonMapper json, ConfigurableApplicationContext context) {
        this.ledger = ledger;
        this.json = json;
        this.context = context;
    }

    @Override
    public void run(ApplicationArguments arguments) {
        var report = ledger.verify();
        System.out.println(json.writeValueAsString(report));
        System.out.flush();
        int status = report.ok() ? 0 : 1;
        System.exit(SpringApplication.exit(context, () -> status));
    }
}
