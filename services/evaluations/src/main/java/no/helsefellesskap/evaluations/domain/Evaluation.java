package no.helsefellesskap.evaluations.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import no.helsefellesskap.model.events.OutcomeReported;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** An evaluation of one pilot, by an internal or external evaluator organisation; DRAFT until published. */
@Entity
@Table(name = "evaluation")
public class Evaluation extends PanacheEntityBase {

    /**
     * One outcome: numbers (baseline and result, or a series of dated measurements for a run chart) or a qualitative
     * statement instead. Two outcomes for the same metric from different sources are both kept, each with its source.
     */
    public record Outcome(String dimension, String metric, String unit, Double baselineValue, LocalDate baselineDate,
                          Double resultValue, LocalDate resultDate, String direction, String qualitativeStatement,
                          String source, List<OutcomeReported.Measurement> series,
                          List<OutcomeReported.Annotation> annotations) {

        /** The same outcome with its series in date order (a stable sort: equal dates keep the order given). */
        public Outcome inDateOrder() {
            return series == null ? this : new Outcome(dimension, metric, unit, baselineValue, baselineDate, resultValue,
                    resultDate, direction, qualitativeStatement, source, series.stream()
                    .sorted(java.util.Comparator.comparing(OutcomeReported.Measurement::on)).toList(), annotations);
        }
    }

    /** RE-AIM values where known (reach, effectiveness, adoption, implementation, maintenance). */
    public record ReAim(String reach, String effectiveness, String adoption, String implementation, String maintenance) {
    }

    @Id
    public UUID id;
    @Column(name = "pilot_id")
    public UUID pilotId;
    @Column(name = "evaluator_orgnr")
    public String evaluatorOrgnr;
    @Column(name = "evaluator_kind")
    public String evaluatorKind;
    public String design;
    public String status;
    @Column(name = "drafted_at")
    public Instant draftedAt;
    @Column(name = "period_from")
    public LocalDate periodFrom;
    @Column(name = "period_to")
    public LocalDate periodTo;

    /** When the report itself was published (first day of its month or year at coarser precision); see DatedSource. */
    @Column(name = "report_published_on")
    public LocalDate reportPublishedOn;
    @Column(name = "report_published_precision")
    public String reportPublishedPrecision;
    @Column(name = "report_published_source")
    public String reportPublishedSource;
    /** The source does not give the report's publication date: it stays unknown, never today. */
    @Column(name = "report_published_unknown")
    public boolean reportPublishedUnknown;
    @JdbcTypeCode(SqlTypes.JSON)
    public List<Outcome> outcomes = new ArrayList<>();
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "adverse_effects")
    public List<String> adverseEffects = new ArrayList<>();
    @Column(name = "evidence_level")
    public String evidenceLevel;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "re_aim")
    public ReAim reAim;
    @JdbcTypeCode(SqlTypes.JSON)
    public List<String> barriers = new ArrayList<>();
    @JdbcTypeCode(SqlTypes.JSON)
    public List<String> enablers = new ArrayList<>();
    public String recommendation;
    /** The freed-time calculation as computed: every input and result, so a reader can redo it. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "freed_time")
    public java.util.Map<String, Object> freedTime;
    @Column(name = "published_at")
    public Instant publishedAt;
    @Column(name = "model_id")
    public UUID modelId;
    @Column(name = "model_version")
    public Integer modelVersion;

    /** The pilot's status when this evaluation was published: the evidence rule counts only pilots that ran. */
    @Column(name = "pilot_status_at_publication")
    public String pilotStatusAtPublication;
}
