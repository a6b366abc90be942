package no.helsefellesskap.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** CPU time and resident memory of processes, from /proc (Linux). */
final class Processes {

    /** clock ticks per second of /proc/<pid>/stat on Linux (USER_HZ) */
    private static final double TICKS = 100.0;

    private Processes() {
    }

    /** User plus system CPU seconds used so far by the process. */
    static double cpuSeconds(ProcessHandle p) {
        try {
            String stat = Files.readString(Path.of("/proc/" + p.pid() + "/stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(f[11]) + Long.parseLong(f[12])) / TICKS; // fields 14 and 15 of stat
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    /**
     * CPU seconds of a PostgreSQL server so far: every live process's own, and the postmaster's reaped children's
     * (fields 16 and 17 of its stat), so a backend whose connection closed during a run still counts (without them
     * the profile once showed the server using less CPU after a run than before it).
     */
    static double postgresCpuSeconds(java.nio.file.Path dataDir) {
        List<ProcessHandle> all = postgres(dataDir);
        double sum = cpuSeconds(all);
        String dir = dataDir.toAbsolutePath().toString();
        for (ProcessHandle p : all) {
            if (p.info().arguments().map(a -> String.join(" ", a).contains(dir)).orElse(false)) {
                try {
                    String stat = Files.readString(Path.of("/proc/" + p.pid() + "/stat"));
                    String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    sum += (Long.parseLong(f[13]) + Long.parseLong(f[14])) / TICKS;
                } catch (IOException | RuntimeException e) {
                    // gone: its share is lost, as before
                }
            }
        }
        return sum;
    }

    static double cpuSeconds(List<ProcessHandle> ps) {
        return ps.stream().mapToDouble(Processes::cpuSeconds).sum();
    }

    /** Resident set size in MiB. */
    static double rssMiB(ProcessHandle p) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + p.pid() + "/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("\\D", "")) / 1024.0;
                }
            }
        } catch (IOException e) {
            return 0;
        }
        return 0;
    }

    static double rssMiB(List<ProcessHandle> ps) {
        return ps.stream().mapToDouble(Processes::rssMiB).sum();
    }

    /** The PostgreSQL server of a data folder: the postmaster (pg_ctl detaches it) and its backends. */
    static List<ProcessHandle> postgres(java.nio.file.Path dataDir) {
        String dir = dataDir.toAbsolutePath().toString();
        List<ProcessHandle> out = new java.util.ArrayList<>();
        ProcessHandle.allProcesses()
                .filter(p -> p.info().command().map(c -> c.endsWith("/postgres")).orElse(false))
                .filter(p -> p.info().arguments().map(a -> String.join(" ", a).contains(dir)).orElse(false))
                .forEach(p -> {
                    out.add(p);
                    p.descendants().forEach(out::add);
                });
        return out;
    }
}
