package org.tearsheet.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs {@code wget --warc-file=... --input-file=FILE -O /dev/null} on the same URLs, timed, with its CPU time taken
 * from the shell's {@code times} builtin (children's user and system time), which works after wget has exited.
 */
public final class WgetBaseline {

    private static final Pattern TIMES = Pattern.compile("(\\d+)m([\\d.]+)s\\s+(\\d+)m([\\d.]+)s");

    private final Path wget;

    public WgetBaseline(Path wget) {
        this.wget = wget;
    }

    /** The wget on PATH, or null when there is none. */
    public static Path onPath() {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin").split(":")) {
            Path p = Path.of(dir, "wget");
            if (Files.isExecutable(p)) {
                return p;
            }
        }
        return null;
    }

    public RunFigures run(Path urlFile, Path outDir, int pages) throws IOException, InterruptedException {
        Files.createDirectories(outDir);
        String script = "\"$0\" -q --warc-file=\"$1\" --input-file=\"$2\" -O /dev/null; rc=$?; times; exit $rc";
        ProcessBuilder pb = new ProcessBuilder("bash", "-c", script, wget.toString(),
                outDir.resolve("wget").toString(), urlFile.toAbsolutePath().toString())
                .directory(outDir.toFile())
                .redirectErrorStream(true);
        long t0 = System.nanoTime();
        Process p = pb.start();
        byte[] output = p.getInputStream().readAllBytes();
        if (!p.waitFor(6, TimeUnit.HOURS)) {
            p.destroyForcibly();
            throw new IOException("wget did not finish");
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        double cpu = childCpu(new String(output, StandardCharsets.UTF_8));
        ArchiveStats.Stats stats = ArchiveStats.of(outDir);
        return new RunFigures("wget", pages, stats.ok(), seconds, cpu, stats.payloadBytes(), stats.warcBytes(), -1, -1);
    }

    /** The second line of {@code times} holds the children's user and system time. */
    static double childCpu(String timesOutput) {
        List<String> lines = timesOutput.lines().filter(l -> TIMES.matcher(l).find()).toList();
        if (lines.isEmpty()) {
            return -1;
        }
        Matcher m = TIMES.matcher(lines.get(lines.size() - 1));
        m.find();
        return Integer.parseInt(m.group(1)) * 60 + Double.parseDouble(m.group(2))
                + Integer.parseInt(m.group(3)) * 60 + Double.parseDouble(m.group(4));
    }
}
