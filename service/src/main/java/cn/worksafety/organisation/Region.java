package cn.worksafety.organisation;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;

import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.NonNull;

/** An administrative region (行政区划) with a GB/T 2260-style code; regions form a tree. */
@Entity
public class Region {

    @Id
    @org.eclipse.microprofile.graphql.Id
    @NonNull
    public String code;

    @NonNull
    public String name;

    @Enumerated(EnumType.STRING)
    @NonNull
    public RegionLevel level;

    @Column(name = "parent_code")
    @Ignore
    public String parentCode;

    /** Codes from the root down to this region, each followed by '/': scoping is a prefix match. */
    @Ignore
    public String path;
}
