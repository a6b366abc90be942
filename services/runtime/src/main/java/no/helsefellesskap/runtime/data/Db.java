package no.helsefellesskap.runtime.data;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The one way to run SQL that is not an entity's: typed rows through a {@link Row} mapper, values only as bound
 * parameters (a caller's value never becomes SQL text). Inside a JTA transaction the pool hands out the transaction's
 * connection, so these statements commit or roll back with the rest of it (the inbox row of the event that caused
 * them, the outbox row they emit). It does not flush Hibernate's pending entity changes (that would open a Hibernate
 * session in every transaction, spread's too, which has no entities): a statement that must see entities changed
 * earlier in the same transaction flushes first ({@code em.flush()}), as {@code ProvenModels} does.
 */
@ApplicationScoped
public class Db {

    @FunctionalInterface
    public interface Row<T> {
        T map(ResultSet rs) throws SQLException;
    }

    @Inject
    AgroalDataSource ds;

    public int update(String sql, Object... params) {
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, params);
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    /**
     * One statement for many rows of parameters, sent together (the driver pipelines a batch: one round trip instead
     * of one per row). Nothing is returned; for replaying many events, where round trips were most of the time.
     */
    public void batch(String sql, List<Object[]> rows) {
        if (rows.isEmpty()) {
            return;
        }
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (Object[] params : rows) {
                bind(ps, params);
                ps.addBatch();
            }
            ps.executeBatch();
        } catch (SQLException e) {
            SQLException next = e.getNextException();
            throw new IllegalStateException(next == null ? e.getMessage() : next.getMessage(), e);
        }
    }

    public <T> List<T> list(String sql, Row<T> row, Object... params) {
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, params);
            try (ResultSet rs = ps.executeQuery()) {
                List<T> out = new ArrayList<>();
                while (rs.next()) {
                    out.add(row.map(rs));
                }
                return out;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    public <T> Optional<T> one(String sql, Row<T> row, Object... params) {
        List<T> l = list(sql, row, params);
        return l.isEmpty() ? Optional.empty() : Optional.of(l.get(0));
    }

    /** Serialises this transaction with others taking the same lock; released at commit or rollback. */
    public void lockExclusive(long key) {
        list("select pg_advisory_xact_lock(?)", rs -> 1, key);
    }

    public void lockShared(long key) {
        list("select pg_advisory_xact_lock_shared(?)", rs -> 1, key);
    }

    private static void bind(PreparedStatement ps, Object... params) throws SQLException {
        for (int i = 0; i < params.length; i++) {
            Object p = params[i];
            if (p instanceof Instant t) {
                ps.setTimestamp(i + 1, Timestamp.from(t));
            } else if (p instanceof LocalDate d) {
                ps.setObject(i + 1, d);
            } else if (p instanceof UUID u) {
                ps.setObject(i + 1, u);
            } else if (p == null) {
                ps.setNull(i + 1, java.sql.Types.OTHER);
            } else {
                ps.setObject(i + 1, p);
            }
        }
    }

    public static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    public static LocalDate date(ResultSet rs, String column) throws SQLException {
        java.sql.Date d = rs.getDate(column);
        return d == null ? null : d.toLocalDate();
    }

    public static UUID uuid(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, UUID.class);
    }

    /** A {@code char(n)} column (organisation and municipality numbers) without its padding. */
    public static String trimmed(ResultSet rs, String column) throws SQLException {
        String s = rs.getString(column);
        return s == null ? null : s.trim();
    }

    /** A nullable integer column. */
    public static Integer integer(ResultSet rs, String column) throws SQLException {
        int v = rs.getInt(column);
        return rs.wasNull() ? null : v;
    }
}
