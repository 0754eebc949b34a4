package cn.youfu;

import java.util.concurrent.CompletableFuture;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.event.ApplicationPreparedEvent;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Starts two Youfu applications in this JVM whose start-ups overlap — migrations, demo data, timers — as two instances
 * on one database do. The second begins once the first has set up its logging and is about to refresh its context:
 * the applications of one JVM share one logging system, which two processes in production never do, and two
 * start-ups configuring it at once fail now and then ("Unable to find Spring Environment in logger context").
 */
public final class OverlappingStarts {

    private OverlappingStarts() {
    }

    /** @return the two running applications, in the order of their arguments */
    public static ConfigurableApplicationContext[] start(String[] firstArgs, String[] secondArgs) {
        var prepared = new CompletableFuture<Void>();
        var first = CompletableFuture.supplyAsync(() -> new SpringApplicationBuilder(YoufuApplication.class)
                .listeners((ApplicationListener<ApplicationEvent>) event -> {
                    if (event instanceof ApplicationPreparedEvent) { // a lambda's type argument is erased: all come
                        prepared.complete(null);
                    }
                })
                .run(firstArgs));
        CompletableFuture.anyOf(prepared, first).join(); // a first start-up that fails throws here
        var second = CompletableFuture.supplyAsync(() -> new SpringApplicationBuilder(YoufuApplication.class)
                .run(secondArgs));
        return new ConfigurableApplicationContext[] {first.join(), second.join()};
    }
}
