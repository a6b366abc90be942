package no.helsefellesskap.bench;

import java.util.ArrayList;
import java.util.List;

/** One scenario's results as Markdown: what ran, the command that reproduces it, the figures, and pass or fail. */
public final class Section {

    public final String name;
    public final String title;
    private final StringBuilder md = new StringBuilder();
    private final List<String> failures = new ArrayList<>();

    public Section(String name, String title) {
        this.name = name;
        this.title = title;
    }

    public Section line(String text) {
        md.append(text).append('\n');
        return this;
    }

    public Section table(List<String> header, List<List<String>> rows) {
        md.append('\n').append("| ").append(String.join(" | ", header)).append(" |\n");
        md.append("|").append("---|".repeat(header.size())).append('\n');
        for (List<String> r : rows) {
            md.append("| ").append(String.join(" | ", r)).append(" |\n");
        }
        md.append('\n');
        return this;
    }

    /** A survival count line, in the one format every survival run prints. */
    public Section counts(String what, long written, long published, long consumed, long delivered, long lost,
                          long duplicated) {
        String line = String.format("%s: written=%d published=%d consumed=%d delivered=%d lost=%d duplicated=%d",
                what, written, published, consumed, delivered, lost, duplicated);
        System.out.println("[bench] " + line);
        md.append("\n```\n").append(line).append("\n```\n");
        require(lost == 0, what + ": lost " + lost);
        require(duplicated == 0, what + ": duplicated " + duplicated);
        return this;
    }

    public synchronized void require(boolean condition, String failure) {
        if (!condition) {
            failures.add(failure);
            System.out.println("[bench] FAILED: " + failure);
        }
    }

    public List<String> failures() {
        return failures;
    }

    public String markdown(String command) {
        StringBuilder b = new StringBuilder("## ").append(title).append("\n\n");
        b.append("Command: `").append(command).append("`\n\n");
        b.append(md);
        b.append('\n').append(failures.isEmpty() ? "Result: **pass**" : "Result: **FAIL**: " + String.join("; ", failures))
                .append("\n");
        return b.toString();
    }
}
