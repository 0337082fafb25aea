package cn.worksafety.organisation;

import cn.worksafety.exchange.ChangedRecord;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.NonNull;

import cn.worksafety.common.TrackedEntity;

/**
 * A unit (单位): party committee, government, department, town, park command centre,
 * enterprise or rescue team. Relations are kept as ids and resolved in batches by the API.
 */
@Entity
public class Unit extends TrackedEntity implements ChangedRecord {

    @NonNull
    public String code;

    @NonNull
    public String name;

    @Enumerated(EnumType.STRING)
    @NonNull
    public UnitKind kind;

    @Column(name = "region_code")
    @Ignore
    public String regionCode;

    @Column(name = "parent_id")
    @Ignore
    public Long parentId;
}
