package org.harbour.importer;

import io.micronaut.context.ApplicationContext;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import org.harbour.importer.SkippedRows.Skipped;
import org.harbour.platform.Bootstrap;
import org.harbour.problem.ProblemException;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code java -jar harbour.jar import toronto-occupancy|toronto-central-intake FILE.csv}: the API's importers
 * against the configured database (the server's Bootstrap, so the embedded one by default), in an application
 * context without the HTTP server, with a progress bar on stderr and a summary on stdout.
 */
public final class ImportCommand {

    static final String OCCUPANCY = "toronto-occupancy";
    static final String INTAKE = "toronto-central-intake";
    static final String USAGE = "usage: java -jar harbour.jar import " + OCCUPANCY + "|" + INTAKE + " FILE.csv";

    private ImportCommand() {
    }

    public static boolean wanted(String[] args) {
        return args.length > 0 && args[0].equals("import");
    }

    /** The exit status: 0 done (bad rows are listed, not fatal), 1 the import failed, 2 wrong arguments or no file. */
    public static int run(String[] args, Map<String, String> env, PrintStream out, PrintStream err) {
        if (args.length != 3 || !List.of(OCCUPANCY, INTAKE).contains(args[1])) {
            err.println(USAGE);
            return 2;
        }
        Path file = Path.of(args[2]);
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            err.println("harbour import: cannot read " + file.toAbsolutePath() + ": no such file");
            return 2;
        }
        if (!env.containsKey("HARBOUR_LOG_LEVEL")) {
            System.setProperty("HARBOUR_LOG_LEVEL", "WARN"); // read by logback.xml: stdout is for the summary
        }
        try (ApplicationContext context = ApplicationContext.builder().properties(properties(env)).start();
             InputStream in = withProgressBar(file, args[1], err)) {
            long started = System.nanoTime(); // the import alone, not the database start
            long rows;
            String summary;
            if (args[1].equals(OCCUPANCY)) {
                OccupancySummary result = context.getBean(TorontoOccupancyImporter.class).importCsv(in, StandardCharsets.UTF_8);
                rows = result.rows();
                summary = describe(result);
            } else {
                IntakeSummary result = context.getBean(CentralIntakeImporter.class).importCsv(in, StandardCharsets.UTF_8);
                rows = result.rows();
                summary = describe(result);
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            out.printf("Imported %s from %s in %.1f s (%.0f rows/s): %s%n", args[1], file.getFileName(), seconds,
                    rows / seconds, summary);
            return 0;
        } catch (ProblemException e) {
            err.println("harbour import: " + e.getMessage());
            return 1;
        } catch (IOException | RuntimeException e) {
            err.println("harbour import failed: " + e.getMessage());
            return 1;
        }
    }

    private static Map<String, Object> properties(Map<String, String> env) {
        Map<String, String> environment = new HashMap<>(env);
        // No token is ever signed here: an external database needs no real secret for an import.
        environment.putIfAbsent("HARBOUR_JWT_SECRET", throwawaySecret());
        Map<String, Object> properties = new HashMap<>(Bootstrap.fromEnvironment(environment).properties());
        properties.put("harbour.demo", false); // an import is not a first start: no demo network
        return properties;
    }

    private static InputStream withProgressBar(Path file, String what, PrintStream err) throws IOException {
        ProgressBarBuilder bar = new ProgressBarBuilder()
                .setTaskName("Importing " + what)
                .setInitialMax(Files.size(file))
                .setUnit(" KiB", 1024)
                .showSpeed()
                .setConsumer(new ConsoleProgressBarConsumer(err));
        return ProgressBar.wrap(Files.newInputStream(file), bar);
    }

    private static String describe(OccupancySummary s) {
        return s.rows() + " rows, " + s.facilities() + " facilities, " + s.programs() + " programs, " + s.nights()
                + " nights, " + skipped(s.skippedCount(), s.skipped());
    }

    private static String describe(IntakeSummary s) {
        return s.rows() + " rows, " + s.days() + " days, " + skipped(s.skippedCount(), s.skipped());
    }

    private static String skipped(long count, List<Skipped> listed) {
        StringBuilder text = new StringBuilder(count + " skipped");
        listed.forEach(s -> text.append(System.lineSeparator()).append("  line ").append(s.line()).append(": ").append(s.reason()));
        if (count > listed.size()) {
            text.append(System.lineSeparator()).append("  ... and ").append(count - listed.size()).append(" more");
        }
        return text.toString();
    }

    private static String throwawaySecret() {
        byte[] bytes = new byte[48];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
