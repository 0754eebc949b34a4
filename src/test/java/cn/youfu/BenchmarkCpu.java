package cn.youfu;

import com.sun.management.OperatingSystemMXBean;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Predicate;

/**
 * For benchmarks: CPU seconds used so far by this JVM (the benchmark's own threads included) and by an embedded
 * PostgreSQL (postmaster, its live backends and the children it has reaped), from /proc. On a shared machine, CPU per
 * operation says more than operations per second.
 */
public final class BenchmarkCpu {

    private static final double TICK = 100.0; // USER_HZ on Linux

    private final Path dataDir;
    private volatile long postmaster;

    /** @param dataDir the benchmark's {@code youfu.data-dir} (its PostgreSQL lives in {@code postgres/} below it) */
    public BenchmarkCpu(String dataDir) {
        this.dataDir = Path.of(dataDir);
    }

    /** {JVM seconds, PostgreSQL seconds}; the second is NaN where /proc cannot be read. */
    public double[] now() {
        var os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        return new double[] {os.getProcessCpuTime() / 1e9, postgres()};
    }

    double postgres() {
        try {
            if (postmaster == 0) {
                postmaster = Long.parseLong(Files.readAllLines(dataDir.resolve("postgres/postmaster.pid")).get(0)
                        .trim());
            }
            long ticks = 0;
            try (var procs = Files.list(Path.of("/proc"))) {
                for (var dir : procs.filter(d -> d.getFileName().toString().chars().allMatch(Character::isDigit))
                        .toList()) {
                    String stat;
                    try {
                        stat = Files.readString(dir.resolve("stat"));
                    } catch (IOException gone) {
                        continue;
                    }
                    var f = fields(stat);
                    long pid = Long.parseLong(dir.getFileName().toString());
                    long ppid = Long.parseLong(f[1]);
                    if (pid == postmaster) {
                        ticks += Long.parseLong(f[11]) + Long.parseLong(f[12]) + Long.parseLong(f[13])
                                + Long.parseLong(f[14]);
                    } else if (ppid == postmaster) {
                        ticks += Long.parseLong(f[11]) + Long.parseLong(f[12]);
                    }
                }
            }
            return ticks / TICK;
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
    }

    /**
     * CPU seconds used so far by this JVM's JIT compiler threads (C1 and C2), from /proc/self/task; NaN where that
     * cannot be read. Unlike the compilation time the JVM reports, this does not count time spent waiting for a core.
     */
    public static double jitCompilers() {
        return threads(name -> name.matches("C[12] CompilerThre.*"));
    }

    /**
     * CPU seconds used so far by this JVM's live threads whose name (as Linux keeps it: the first 15 characters)
     * matches; NaN where /proc/self/task cannot be read. A thread that has ended no longer counts.
     */
    public static double threads(Predicate<String> name) {
        long ticks = 0;
        try (var tasks = Files.list(Path.of("/proc/self/task"))) {
            for (var task : tasks.toList()) {
                String stat;
                try {
                    stat = Files.readString(task.resolve("stat"));
                } catch (IOException gone) {
                    continue;
                }
                if (name.test(stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')')))) {
                    var f = fields(stat);
                    ticks += Long.parseLong(f[11]) + Long.parseLong(f[12]);
                }
            }
            return ticks / TICK;
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
    }

    /** CPU seconds (user and system) one process has used so far, from /proc; e.g. a PostgreSQL backend's. */
    public static double process(long pid) throws IOException {
        var f = fields(Files.readString(Path.of("/proc", Long.toString(pid), "stat")));
        return (Long.parseLong(f[11]) + Long.parseLong(f[12])) / TICK;
    }

    /** The fields of a /proc stat line after the command name (which may hold spaces): f[11] is utime, f[12] stime. */
    private static String[] fields(String stat) {
        return stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    }

    /**
     * Context switches on the whole machine so far (/proc/stat's {@code ctxt}); -1 where that cannot be read. Each
     * hand-over between threads or processes (a request to a worker, a query to a PostgreSQL backend and its answer
     * back) costs two; on a virtual machine a wake-up on the other core also costs an interrupt between processors.
     */
    public static long contextSwitches() {
        try (var lines = Files.lines(Path.of("/proc/stat"))) {
            return lines.filter(line -> line.startsWith("ctxt ")).mapToLong(line -> Long.parseLong(line.substring(5)
                    .trim())).findFirst().orElse(-1);
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /**
     * CPU seconds the hypervisor gave to others while this machine's processors wanted to run, so far (/proc/stat's
     * {@code steal}, all processors); NaN where that cannot be read. A slow second with steal is the host's doing.
     */
    public static double steal() {
        try (var lines = Files.lines(Path.of("/proc/stat"))) {
            return lines.filter(line -> line.startsWith("cpu ")).mapToDouble(line -> Long.parseLong(
                    line.trim().split("\\s+")[8]) / TICK).findFirst().orElse(Double.NaN);
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
    }

    /** The machine's load averages, as /proc/loadavg prints them. */
    public static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (IOException e) {
            return "?";
        }
    }
}
