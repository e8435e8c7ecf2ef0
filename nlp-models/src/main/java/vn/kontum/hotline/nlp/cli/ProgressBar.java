package vn.kontum.hotline.nlp.cli;

import java.io.PrintStream;
import java.util.Locale;

/** A one-line progress bar on standard error, advanced one stage at a time. */
final class ProgressBar {

    private static final int WIDTH = 30;

    private final PrintStream to;
    private final int stages;
    private int done;
    private final long started = System.nanoTime();

    ProgressBar(PrintStream to, int stages) {
        this.to = to;
        this.stages = stages;
    }

    void stage(String name) {
        draw(name);
        done++;
    }

    void done() {
        done = stages;
        draw("done");
        to.println();
    }

    private void draw(String name) {
        int filled = WIDTH * Math.min(done, stages) / stages;
        to.printf(Locale.ROOT, "\r[%s%s] %3d%% %-16s %5.1fs", "#".repeat(filled), ".".repeat(WIDTH - filled),
                100 * Math.min(done, stages) / stages, name, (System.nanoTime() - started) / 1e9);
        to.flush();
    }
}
