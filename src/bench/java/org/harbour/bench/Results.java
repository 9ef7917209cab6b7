package org.harbour.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The one table the suite prints and writes to target/bench/results.md. */
final class Results {

    private final List<String> rows = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    private final List<String> targets = new ArrayList<>();

    /** A target of the issues, judged: "met" or "NOT MET", in the row's target column and in the summary. */
    String judge(String target, boolean met, String what, String measured) {
        String verdict = met ? "met" : "NOT MET";
        targets.add(String.format("| %s | %s | %s | %s |", what, target, measured, verdict));
        System.out.println("TARGET " + what + ": " + measured + " (" + target + "): " + verdict);
        return target + ": " + verdict;
    }

    void latency(String item, String what, Histogram h, String throughput, String target) {
        rows.add(String.format("| %s | %s | %s | %s | %s | %s | %s | %s |", item, what, h.count(),
                ms(h.percentileMillis(0.5)), ms(h.percentileMillis(0.99)), ms(h.maxMillis()), throughput, target));
        System.out.println(rows.get(rows.size() - 1));
    }

    void figure(String item, String what, String value, String target) {
        rows.add(String.format("| %s | %s | | %s | | | | %s |", item, what, value, target));
        System.out.println(rows.get(rows.size() - 1));
    }

    void note(String note) {
        notes.add(note);
        System.out.println("NOTE " + note);
    }

    static String ms(double millis) {
        return Double.isNaN(millis) ? "-" : String.format("%.2f ms", millis);
    }

    String table() {
        StringBuilder out = new StringBuilder();
        out.append("| item | what | n | median | p99 | max | throughput | target |\n");
        out.append("|---|---|---|---|---|---|---|---|\n");
        rows.forEach(r -> out.append(r).append('\n'));
        if (!targets.isEmpty()) {
            out.append("\nTargets:\n\n| target | wanted | measured | |\n|---|---|---|---|\n");
            targets.forEach(t -> out.append(t).append('\n'));
        }
        if (!notes.isEmpty()) {
            out.append('\n');
            notes.forEach(n -> out.append("- ").append(n).append('\n'));
        }
        return out.toString();
    }

    void write(Path file, String header) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, header + "\n\n" + table());
    }
}
