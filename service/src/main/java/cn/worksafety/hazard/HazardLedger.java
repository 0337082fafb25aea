package cn.worksafety.hazard;

import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;

/**
 * The hazard ledger (隐患台账) of a region and period: the hazards found in the period, per grade and
 * per risk level, and how many of them were rectified, verified and overdue by the period's end
 * (or today, while it runs).
 */
public record HazardLedger(@NonNull @Id String regionCode, @NonNull String period,
        @NonNull @Description("As of which date the figures count: the period's last day, or today while it runs.") java.time.LocalDate asOf,
        @NonNull List<@NonNull HazardLedgerRow> rows,
        @NonNull @Description("The same hazards by the level of the risk point they were found at; hazards without one are not counted here.")
        List<@NonNull HazardRiskRow> riskLevels) {

    public record HazardLedgerRow(@NonNull HazardGrade grade, @NonNull int found, @NonNull int rectified, @NonNull int verified,
            @NonNull int overdue,
            @Description("rectified / found, null when nothing was found.") Double rectificationRate) {
    }

    @org.eclipse.microprofile.graphql.Name("HazardRiskLevelRow")
    public record HazardRiskRow(@NonNull RiskLevel level, @NonNull int found, @NonNull int rectified, @NonNull int overdue) {
    }
}
