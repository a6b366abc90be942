package no.helsefellesskap.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.logging.FileHandler;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/** Sends the broker's and PostgreSQL's chatter to a file, so the terminal shows only the suite's own lines. */
final class InfrastructureLog {

    private InfrastructureLog() {
    }

    static void to(Path file) {
        try {
            Files.createDirectories(file.getParent());
            System.setProperty("java.util.logging.SimpleFormatter.format", "%1$tFT%1$tT.%1$tL %4$s [%3$s] %5$s%6$s%n");
            LogManager.getLogManager().reset();
            Logger root = Logger.getLogger("");
            Handler h = new FileHandler(file.toString(), true);
            h.setFormatter(new SimpleFormatter());
            root.addHandler(h);
            root.setLevel(Level.INFO);
            Logger.getLogger("org.apache.kafka").setLevel(Level.WARNING);
            Logger.getLogger("kafka").setLevel(Level.WARNING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
