package cn.worksafety.linkage;

import cn.worksafety.exchange.ChangedRecord;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.NonNull;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import cn.worksafety.common.TrackedEntity;

/**
 * A standing arrangement between departments (联动机制): a lead unit (牵头单位), participating
 * units with their duties, what triggers it, and the activations it has had. The lead unit's
 * region decides who maintains it; it is read in that region and by its participating units.
 */
@Entity
@Table(name = "linkage_mechanism")
public class LinkageMechanism extends TrackedEntity implements ChangedRecord {

    @NonNull
    public String name;

    @Enumerated(EnumType.STRING)
    @NonNull
    public LinkageKind kind;

    @Description("What the mechanism covers, e.g. one chemical park.")
    public String scope;

    @Column(name = "lead_unit_id")
    @Ignore
    public Long leadUnitId;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "triggers", columnDefinition = "varchar(200)[]")
    @NonNull
    @Description("What sets the mechanism off, in the source document's words (e.g. 雷電、洪水、泥石流、滑坡).")
    public List<@NonNull String> triggers = new ArrayList<>();

    @Description("The clause that establishes the mechanism, in the source document's words.")
    public String description;

    @Description("The document the mechanism comes from.")
    public String basis;

    @Column(name = "retired_on")
    @Description("The day the mechanism was retired; null while it is in force.")
    public LocalDate retiredOn;

    @Column(name = "retirement_note")
    public String retirementNote;

    @Description("False once the mechanism has been retired.")
    public @NonNull boolean isActive() {
        return retiredOn == null;
    }
}
