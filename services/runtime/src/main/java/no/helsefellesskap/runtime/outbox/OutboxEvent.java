package no.helsefellesskap.runtime.outbox;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.util.UUID;

/** One event waiting for (or done with) publication; written in the same transaction as the change it reports. */
@Entity
@Table(name = "outbox_event")
public class OutboxEvent {

    @Id
    public UUID id;

    @Column(name = "aggregatetype", nullable = false)
    public String aggregateType;

    @Column(name = "aggregateid", nullable = false)
    public String aggregateId;

    @Column(nullable = false)
    public String type;

    @Column(nullable = false)
    public Instant timestamp;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, columnDefinition = "jsonb")
    public String payload;

    @Column(nullable = false)
    public String topic;

    @Column(nullable = false)
    public String source;

    /** The trace context of the work that recorded it, when there was one (W3C {@code traceparent}). */
    public String traceparent;

    // seq (bigserial) and sent_at are written by the database and the relay only.
}
