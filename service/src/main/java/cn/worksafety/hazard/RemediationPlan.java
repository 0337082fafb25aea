package cn.worksafety.hazard;

import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

import org.eclipse.microprofile.graphql.NonNull;

/** 五落实: responsibility, measures, funds, time limit and contingency plan (seed 002 (十六)). */
@Embeddable
public class RemediationPlan {

    @Column(name = "plan_responsibility")
    @NonNull
    public String responsibility;

    @Column(name = "plan_measures")
    @NonNull
    public String measures;

    @Column(name = "plan_funds")
    @NonNull
    public String funds;

    @Column(name = "plan_time_limit")
    @NonNull
    public LocalDate timeLimit;

    @Column(name = "plan_contingency")
    @NonNull
    public String contingency;
}
