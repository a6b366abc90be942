package no.helsefellesskap.tasks.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import no.helsefellesskap.model.events.CompetenceRequirement;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.io.Serializable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/** One immutable version of a task-sharing model; pilots refer to a model id and version. */
@Entity
@Table(name = "model_version")
public class ModelVersion extends PanacheEntityBase {

    @Embeddable
    public static class Key implements Serializable {
        @Column(name = "model_id")
        public UUID modelId;
        @Column(name = "version")
        public int version;

        public Key() {
        }

        public Key(UUID modelId, int version) {
            this.modelId = modelId;
            this.version = version;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.modelId.equals(modelId) && k.version == version;
        }

        @Override
        public int hashCode() {
            return Objects.hash(modelId, version);
        }
    }

    @EmbeddedId
    public Key key;
    @Column(name = "previous_version")
    public Integer previousVersion;
    public String name;
    public String description;
    @Column(name = "model_type")
    public String modelType;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "task_ids")
    public List<UUID> taskIds = new ArrayList<>();
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "from_groups")
    public List<String> fromGroups = new ArrayList<>();
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "to_groups")
    public List<String> toGroups = new ArrayList<>();
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "core_components")
    public List<String> coreComponents = new ArrayList<>();
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "adaptable_components")
    public List<String> adaptableComponents = new ArrayList<>();
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "required_competences")
    public List<CompetenceRequirement> requiredCompetences = new ArrayList<>();
    @Column(name = "sign_off_scheme")
    public String signOffScheme;
    @Column(name = "evidence_level")
    public String evidenceLevel;
    @Column(name = "forsvarlighet_justification")
    public String forsvarlighetJustification;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "source_refs")
    public List<String> sourceRefs = new ArrayList<>();
    public String lifecycle;
    @Column(name = "lifecycle_changed_at")
    public Instant lifecycleChangedAt;
    @Column(name = "owner_orgnr")
    public String ownerOrgnr;
    @Column(name = "published_at")
    public Instant publishedAt;
    /** Why the version is PROVEN, from {@code model.proven}: the evidence rule and the evaluations that met it. */
    @Column(name = "proven_rule")
    public String provenRule;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "proven_evaluation_ids")
    public List<UUID> provenEvaluationIds;
    @Column(name = "proven_at")
    public Instant provenAt;
}
