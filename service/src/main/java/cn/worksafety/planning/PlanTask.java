package cn.worksafety.planning;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.NonNull;

import cn.worksafety.common.TrackedEntity;

/**
 * One of a plan's main tasks (主要任务): its number and title as the document writes them, its lead
 * unit (牵头单位) and, where the committee office tracks the task through a responsibility list,
 * the item that tracks it. The lead unit and the item are resolved in batches by {@link PlanningGraphQL}.
 */
@Entity
@Table(name = "plan_task")
public class PlanTask extends TrackedEntity {

    @Column(name = "plan_id")
    @Ignore
    public Long planId;

    @NonNull
    @Description("The task's number as the document writes it, e.g. (一)1.")
    public String number;

    @NonNull
    public String title;

    /** Document order: the task's place (1, 2, …) in the list it was last given in. */
    @Ignore
    public int position;

    @Column(name = "lead_unit_id")
    @Ignore
    public Long leadUnitId;

    @Column(name = "responsibility_id")
    @Ignore
    public Long responsibilityId;
}
