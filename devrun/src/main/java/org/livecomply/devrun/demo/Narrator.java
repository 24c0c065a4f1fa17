package org.livecomply.devrun.demo;

import java.io.PrintStream;

/** Prints the demo as numbered steps, each with a few indented lines of ids and outcomes. */
final class Narrator {

    private final PrintStream out;
    private int step;
    private String title = "";

    Narrator(PrintStream out) {
        this.out = out;
    }

    void step(String title) {
        this.title = title;
        out.printf("%n[%d] %s%n", ++step, title);
    }

    void line(String format, Object... args) {
        out.println("    " + String.format(format, args));
    }

    void text(String format, Object... args) {
        out.println(String.format(format, args));
    }

    int steps() {
        return step;
    }

    /** "step 7 (Go-live gate ...)", for failures. */
    String where() {
        return "step " + step + " (" + title + ")";
    }
}
