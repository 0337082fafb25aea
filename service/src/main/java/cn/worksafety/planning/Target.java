package cn.worksafety.planning;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

/** An indicator's target written as a comparison: {@code < 0.01}, {@code ≥ 95}, {@code = 0}, down 10% against 2020. */
@Embeddable
public class Target {

    @Enumerated(EnumType.STRING)
    @NonNull
    public TargetComparator comparator;

    @Column(name = "target_value")
    @NonNull
    @Description("The bound for LT/LE/GT/GE/EQ; the percentage for DECREASE_BY_PERCENT/INCREASE_BY_PERCENT.")
    public double value;

    @Column(name = "baseline_period")
    @Description("For relative comparators: the period compared against (2020), or a range of periods of one kind "
            + "(2016..2020) meaning the mean of their observations.")
    public String baselinePeriod;

    @Column(name = "average_years")
    @Description("When set, the value compared is the mean of the observations of the latest N years "
            + "(a \"5-year average\" target); NO_DATA while one of those years is missing.")
    public Integer averageYears;

    @Column(name = "target_wording")
    @Description("The target as the source document words it, e.g. '<1%(5年平均)' or '下降10%'.")
    public String wording;
}
