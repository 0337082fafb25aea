package cn.worksafety.hazard;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.NonNull;

import cn.worksafety.common.TrackedEntity;

/** The unit a region names for one role of the hazard loop; regions below without their own inherit it. */
@Entity
@Table(name = "unit_designation")
public class UnitDesignation extends TrackedEntity {

    @Column(name = "region_code")
    @Ignore
    public String regionCode;

    @Enumerated(EnumType.STRING)
    @NonNull
    public DesignationRole role;

    @Column(name = "unit_id")
    @Ignore
    public Long unitId;
}
