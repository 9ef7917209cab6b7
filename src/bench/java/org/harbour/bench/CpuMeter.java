package org.harbour.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * CPU time of the Harbour JVM and its MariaDB, and the share of the machine the hypervisor took (steal),
 * over one item. On a shared host the wall-clock figures move 2x from run to run; CPU per request does
 * not, so a change is judged by both.
 */
final class CpuMeter {

    /** Linux reports process and machine CPU in clock ticks of 1/100 s (USER_HZ). */
    private static final double MS_PER_TICK = 10.0;

    private final long harbourPid;
    /** The external database's mariadbd, or 0 for the embedded one (the mariadbd the Harbour JVM started). */
    private final long databasePid;

    CpuMeter(long harbourPid, long databasePid) {
        this.harbourPid = harbourPid;
        this.databasePid = databasePid;
    }

    record Snapshot(long harbourTicks, long mariadbTicks, long busyTicks, long stealTicks, long idleTicks) {
    }

    /** otherPercent: the machine's busy CPU that was neither Harbour nor its MariaDB (the bench, other builds). */
    record Span(double harbourMs, double mariadbMs, double stealPercent, double otherPercent) {
        String perRequest(long requests) {
            return String.format("CPU per request: Harbour %.2f ms, MariaDB %.2f ms; host steal %.0f %%, other "
                            + "processes %.0f %% of the machine, load average %s", harbourMs / requests,
                    mariadbMs / requests, stealPercent, otherPercent, Main.loadAverage());
        }
    }

    Snapshot snapshot() {
        long[] machine = machineTicks();
        return new Snapshot(processTicks(harbourPid), mariadbTicks(), machine[0], machine[1], machine[2]);
    }

    Span since(Snapshot before) {
        Snapshot now = snapshot();
        long all = now.busyTicks() - before.busyTicks();
        long steal = now.stealTicks() - before.stealTicks();
        long idle = now.idleTicks() - before.idleTicks();
        long harbour = now.harbourTicks() - before.harbourTicks();
        long mariadb = now.mariadbTicks() - before.mariadbTicks();
        long other = Math.max(0, all - idle - steal - harbour - mariadb);
        return new Span(harbour * MS_PER_TICK, mariadb * MS_PER_TICK, all == 0 ? 0 : 100.0 * steal / all,
                all == 0 ? 0 : 100.0 * other / all);
    }

    /** The fields of /proc/pid/stat that the bench uses; the command name may hold spaces, so it is cut out first. */
    private record ProcessStat(String name, long parentPid, long cpuTicks) {
        static ProcessStat read(Path stat) throws IOException {
            String text = Files.readString(stat);
            String name = text.substring(text.indexOf('(') + 1, text.lastIndexOf(')'));
            String[] fields = text.substring(text.lastIndexOf(')') + 2).split(" ");
            // fields 4, 14 and 15 of the file: ppid, utime, stime
            return new ProcessStat(name, Long.parseLong(fields[1]), Long.parseLong(fields[11]) + Long.parseLong(fields[12]));
        }
    }

    /** CPU time (ms) the Harbour JVM's JIT compiler threads (C1 and C2, "C1 CompilerThre..." in /proc) have used. */
    double compilerMillis() {
        try (Stream<Path> threads = Files.list(Path.of("/proc/" + harbourPid + "/task"))) {
            return MS_PER_TICK * threads.mapToLong(t -> {
                try {
                    ProcessStat stat = ProcessStat.read(t.resolve("stat"));
                    return stat.name().matches("C[12] CompilerThre.*") ? stat.cpuTicks() : 0;
                } catch (IOException | RuntimeException gone) {
                    return 0;
                }
            }).sum();
        } catch (IOException e) {
            return 0;
        }
    }

    private static long processTicks(long pid) {
        try {
            return ProcessStat.read(Path.of("/proc/" + pid + "/stat")).cpuTicks();
        } catch (IOException | RuntimeException gone) {
            return 0;
        }
    }

    /** The external MariaDB, or the one Harbour started: a mariadbd whose parent is the Harbour JVM. */
    private long mariadbTicks() {
        if (databasePid != 0) {
            return processTicks(databasePid);
        }
        try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
            return processes.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit))
                    .mapToLong(p -> {
                        try {
                            ProcessStat stat = ProcessStat.read(p.resolve("stat"));
                            boolean ours = stat.name().equals("mariadbd") && stat.parentPid() == harbourPid;
                            return ours ? stat.cpuTicks() : 0;
                        } catch (IOException | RuntimeException gone) {
                            return 0;
                        }
                    }).sum();
        } catch (IOException e) {
            return 0;
        }
    }

    /** {all ticks, steal ticks, idle + iowait ticks} of the machine from the first line of /proc/stat. */
    private static long[] machineTicks() {
        try {
            String[] cpu = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long all = 0;
            for (int i = 1; i <= 8 && i < cpu.length; i++) {
                all += Long.parseLong(cpu[i]);
            }
            return new long[] {all, cpu.length > 8 ? Long.parseLong(cpu[8]) : 0, Long.parseLong(cpu[4]) + Long.parseLong(cpu[5])};
        } catch (IOException | RuntimeException e) {
            return new long[] {0, 0, 0};
        }
    }
}
