package ntsection.cli;

import ntsection.verifier.explore.Progress;

import java.io.PrintStream;
import java.util.Locale;

/**
 * The exploration's progress as one line on a terminal's standard error, redrawn at most
 * ten times a second and cleared at the end, so that the report that follows on
 * standard output, or in a file, stays clean.
 */
final class TerminalProgress implements Progress {
    private static final long REDRAW_NANOS = 100_000_000L;

    private final PrintStream terminal;
    private final String driver;
    private long lastDrawn;
    private int width;

    TerminalProgress(PrintStream terminal, String driver) {
        this.terminal = terminal;
        this.driver = driver;
    }

    @Override
    public synchronized void explored(long schedules, long budget, int findings, double seconds) {
        long now = System.nanoTime();
        if (now - lastDrawn < REDRAW_NANOS && schedules != budget) return;
        lastDrawn = now;
        String of = budget < 0 ? "" : "/" + budget;
        draw(String.format(Locale.ROOT, "verifying %s: %d%s schedules, %d finding%s, %.1f s", driver, schedules, of,
                findings, findings == 1 ? "" : "s", seconds));
    }

    @Override
    public synchronized void shrinking(int findings) {
        if (findings > 0) draw("verifying " + driver + ": shrinking " + findings + " finding" + (findings == 1 ? "" : "s"));
    }

    @Override
    public synchronized void done() {
        draw("");
        terminal.print('\r');
        terminal.flush();
    }

    private void draw(String line) {
        terminal.print('\r' + line + " ".repeat(Math.max(0, width - line.length())));
        terminal.flush();
        width = line.length();
    }
}
