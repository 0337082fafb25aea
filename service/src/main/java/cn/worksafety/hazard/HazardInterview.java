package cn.worksafety.hazard;

import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.NonNull;

import cn.worksafety.common.TrackedEntity;

/**
 * An interview (约谈) of an enterprise's legal representative or actual investor about an overdue
 * hazard (002 (十五)). Who held it and who was interviewed are names of people: served through
 * the masking resolvers only.
 */
@Entity
@Table(name = "hazard_interview")
public class HazardInterview extends TrackedEntity {

    @Column(name = "hazard_id")
    @Ignore
    public Long hazardId;

    @Column(name = "held_on")
    @NonNull
    public LocalDate heldOn;

    @Column(name = "held_by")
    @Ignore
    public String heldBy;

    @Ignore
    public String interviewee;

    public String summary;
}
