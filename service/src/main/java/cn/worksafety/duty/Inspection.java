package cn.worksafety.duty;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.NonNull;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import cn.worksafety.common.TrackedEntity;
import cn.worksafety.exchange.ChangedRecord;

/**
 * An inspection a unit held (002 (十四): 专项检查, 全面检查; (十二): 自查). It counts toward every duty
 * rule of the matching kind that binds the unit, for the period containing {@code heldOn}.
 */
@Entity
public class Inspection extends TrackedEntity implements ChangedRecord {

    @Column(name = "unit_id")
    @Ignore
    public Long unitId;

    @Enumerated(EnumType.STRING)
    @NonNull
    public InspectionKind kind;

    @Column(name = "held_on")
    @NonNull
    public LocalDate heldOn;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "enterprise_ids", columnDefinition = "bigint[]")
    @Ignore
    public List<Long> enterpriseIds = new ArrayList<>();

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "joined_by_ids", columnDefinition = "bigint[]")
    @Ignore
    public List<Long> joinedByIds = new ArrayList<>();

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "experts", columnDefinition = "varchar(100)[]")
    @NonNull
    @Description("Experts who took part (专家参与), by name.")
    public List<@NonNull String> experts = new ArrayList<>();

    public String summary;
}
