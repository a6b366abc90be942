package no.helsefellesskap.runtime.tx;

import no.helsefellesskap.runtime.messaging.PoisonEventException;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;

/**
 * Whether a failure is the infrastructure's passing state (the database restarting or unreachable, a connection
 * pool that cannot get a connection, a serialization conflict) rather than anything wrong with the work itself.
 * Such work is retried (consumers) or answered 503 (REST), never dead-lettered or answered 500.
 */
public final class Transience {

    private Transience() {
    }

    public static boolean isTransient(Throwable e) {
        int depth = 0;
        for (Throwable t = e; t != null && depth < 25; t = t.getCause(), depth++) {
            if (t instanceof PoisonEventException) {
                return false;
            }
            if (t instanceof NotYetApplicable) {
                return true;
            }
            if (t instanceof SQLTransientException || t instanceof SQLRecoverableException || t instanceof ConnectException) {
                return true;
            }
            if (t instanceof SQLException s && s.getSQLState() != null) {
                String state = s.getSQLState();
                // 08: connection exception; 57P: server shutting down or starting; 53: out of resources;
                // 40001/40P01: serialization failure or deadlock, which a retry resolves
                if (state.startsWith("08") || state.startsWith("57P") || state.startsWith("53")
                        || state.equals("40001") || state.equals("40P01")) {
                    return true;
                }
            }
            String name = t.getClass().getName();
            String message = String.valueOf(t.getMessage());
            if (name.endsWith("JDBCConnectionException") || message.contains("Acquisition timeout")
                    || message.contains("Unable to acquire JDBC Connection")) {
                return true;
            }
        }
        return false;
    }
}
