package io.orderhub.importer;

import java.io.PrintStream;

/** A progress bar on stderr, redrawn at most every 200 ms and at the end. */
final class Progress {

    private static final int WIDTH = 30;

    private final PrintStream out;
    private final String label;
    private final int total;
    private int done;
    private long drawnAt;

    Progress(PrintStream out, String label, int total) {
        this.out = out;
        this.label = label;
        this.total = total;
    }

    synchronized void step() {
        done++;
        long now = System.nanoTime();
        if (done == total || now - drawnAt > 200_000_000L) {
            drawnAt = now;
            int filled = total == 0 ? WIDTH : (int) ((long) WIDTH * done / total);
            out.print(
                    "\r" + label + " [" + "#".repeat(filled) + ".".repeat(WIDTH - filled) + "] " + done + "/" + total);
            if (done == total) {
                out.println();
            }
            out.flush();
        }
    }
}
