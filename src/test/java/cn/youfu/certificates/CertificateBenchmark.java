package cn.youfu.certificates;

import cn.youfu.YoufuIntegrationTest;
import cn.youfu.platform.LocalizedText;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Issues 1,000 certificates through the real path ({@link Certificates#issue} in a transaction of its own: render,
 * store, sign, record, ledger entry) after 200 unmeasured ones, and prints p50/p99 and certificates per second.
 * {@code mvn -B -q test -Pbenchmark -Dtest=CertificateBenchmark}; results in docs/benchmarks.md.
 */
@Tag("benchmark")
@YoufuIntegrationTest
class CertificateBenchmark {

    @Autowired
    Certificates certificates;
    @Autowired
    TransactionTemplate transaction;
    @Autowired
    JdbcClient jdbc;

    @Test
    void issue1000() throws Exception {
        for (int i = 0; i < 200; i++) {
            issue(i);
        }
        int n = 1_000;
        long[] nanos = new long[n];
        var threads = java.lang.management.ManagementFactory.getThreadMXBean();
        long cpuStart = threads.getCurrentThreadCpuTime();
        long start = System.nanoTime();
        IssuedCertificate last = null;
        for (int i = 0; i < n; i++) {
            long t = System.nanoTime();
            last = issue(i);
            nanos[i] = System.nanoTime() - t;
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        double cpuMs = (threads.getCurrentThreadCpuTime() - cpuStart) / 1e6;
        Arrays.sort(nanos);
        byte[] pdf = jdbc.sql("SELECT content FROM documents.document WHERE sm3 = decode(?, 'hex')")
                .param(last.documentSm3()).query(byte[].class).single();
        Files.write(Path.of("target", "certificate-benchmark-sample.pdf"), pdf);
        System.out.printf("%n| measurement | value |%n|---|---:|%n");
        System.out.printf("| certificates issued (after 200 warm-up) | %,d |%n", n);
        System.out.printf("| p50 issue | %.2f ms |%n", nanos[n / 2] / 1e6);
        System.out.printf("| p99 issue | %.2f ms |%n", nanos[(int) Math.ceil(n * 0.99) - 1] / 1e6);
        System.out.printf("| max issue | %.2f ms |%n", nanos[n - 1] / 1e6);
        System.out.printf("| throughput, 1 thread | %.0f certificates/s |%n", n / seconds);
        System.out.printf("| CPU of the issuing thread per issue (JVM; steadier on a busy machine) | %.2f ms |%n",
                cpuMs / n);
        System.out.printf("| PDF size (sample) | %,d bytes |%n%n", pdf.length);
    }

    private IssuedCertificate issue(int i) {
        var fields = new LinkedHashMap<String, String>();
        fields.put("经营场所", "福州市鼓楼区五四路 " + (i + 1) + " 号");
        fields.put("主体业态", "食品销售经营者（便利店）");
        fields.put("经营项目", "预包装食品（含冷藏冷冻食品）销售；散装食品（不含冷藏冷冻食品）销售");
        return transaction.execute(status -> certificates.issue(new IssueCertificate("FZ-BENCH-" + (i % 100),
                "FZ-SP-0001", new LocalizedText("食品经营许可", "Food business licence"),
                new LocalizedText("食品经营许可证", "Food Business Licence"),
                new Holder("350102195803120016", "陈有福"), "fz-approval",
                new LocalizedText("福州市行政审批局", "Fuzhou Administrative Approval Bureau"),
                LocalDate.of(2026, 11, 25), LocalDate.of(2031, 11, 24), fields)));
    }
}
