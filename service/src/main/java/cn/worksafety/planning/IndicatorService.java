package cn.worksafety.planning;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.LongFunction;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import cn.worksafety.audit.AuditTrail;
import cn.worksafety.common.Batch;
import cn.worksafety.common.ChildListSync;
import cn.worksafety.common.Ids;
import cn.worksafety.common.InvalidInput;
import cn.worksafety.common.Period;
import cn.worksafety.common.Text;
import cn.worksafety.organisation.OrganisationService;
import cn.worksafety.organisation.Region;
import cn.worksafety.organisation.Unit;

/**
 * A plan's indicator table (指标): read in batches, written only with its plan
 * ({@link PlanService}), each indicator's target checked here. An indicator's status is computed
 * by {@link TargetEvaluation}, never stored.
 */
@ApplicationScoped
public class IndicatorService {

    static final int MAX_INDICATORS = 200;

    @Inject
    IndicatorRepository indicators;

    @Inject
    ObservationRepository observations;

    @Inject
    OrganisationService organisation;

    @Inject
    AuditTrail audit;

    public List<List<Indicator>> indicatorsOf(List<Plan> parents) {
        List<Long> ids = parents.stream().map(p -> p.id).toList();
        return Batch.grouped(ids, indicators.ofPlans(Batch.distinct(ids)), i -> i.planId);
    }

    /**
     * Makes the plan's indicators those of {@code rows}: rows with an {@code id} revise that
     * indicator (keeping its observations), rows without add one, indicators left out are removed,
     * which is refused while they have observations. Every row is checked before anything is
     * written; each created, revised and removed indicator is audited.
     */
    void sync(Plan plan, Region region, List<IndicatorInput> rows, String operation, LongFunction<Unit> unitLookup) {
        if (rows == null) {
            throw new InvalidInput("'indicators' is required (it may be empty).");
        }
        if (rows.size() > MAX_INDICATORS) {
            throw new InvalidInput("A plan has at most " + MAX_INDICATORS + " indicators; " + rows.size() + " were given.");
        }
        List<Indicator> current = plan.id == null ? List.of() : indicators.ofPlans(List.of(plan.id));
        Set<Integer> sequences = new HashSet<>();
        new ChildListSync<>("indicators", "indicator", "plan", indicators, audit::snapshot, audit::changed).sync(current, rows, operation,
                new ChildListSync.Children<Indicator, IndicatorInput, Indicator>() {

                    @Override
                    public String rowId(IndicatorInput row) {
                        return row.id;
                    }

                    @Override
                    public Indicator check(IndicatorInput row, Indicator indicator, String field, int n) {
                        Indicator checked = new Indicator();
                        applyIndicatorFields(checked, row, field);
                        if (indicator != null && indicator.periodKind != checked.periodKind && observations.countFor(indicator.id) > 0) {
                            throw new InvalidInput("'" + field + ".periodKind' cannot change from " + indicator.periodKind
                                    + ": the indicator already has observations of that kind.");
                        }
                        if (!sequences.add(checked.sequence)) {
                            throw new InvalidInput("'" + field + ".sequence' " + checked.sequence + " is used by another indicator of the plan.");
                        }
                        checked.responsibleUnitId = responsibleUnit(row, field, region, unitLookup);
                        return checked;
                    }

                    @Override
                    public void checkRemoval(Indicator gone) {
                        if (observations.countFor(gone.id) > 0) {
                            throw new InvalidInput("Indicator " + gone.sequence + " (" + gone.name + ", id " + gone.id
                                    + ") has observations and cannot be removed; keep its row (with its id) in 'indicators'.");
                        }
                    }

                    @Override
                    public Indicator create() {
                        Indicator indicator = new Indicator();
                        indicator.planId = plan.id;
                        return indicator;
                    }

                    @Override
                    public void apply(Indicator indicator, Indicator checked) {
                        indicator.sequence = checked.sequence;
                        indicator.category = checked.category;
                        indicator.name = checked.name;
                        indicator.unitOfMeasure = checked.unitOfMeasure;
                        indicator.nature = checked.nature;
                        indicator.periodKind = checked.periodKind;
                        indicator.target = checked.target;
                        indicator.responsibleUnitId = checked.responsibleUnitId;
                    }
                });
    }

    /** Checks a row's fields into {@code indicator} (a fresh one, so a refused row changes nothing stored). */
    private static void applyIndicatorFields(Indicator indicator, IndicatorInput row, String field) {
        if (row.sequence == null || row.sequence < 1) {
            throw new InvalidInput("'" + field + ".sequence' must be a positive number, was " + row.sequence + ".");
        }
        indicator.sequence = row.sequence;
        indicator.category = Text.optional(row.category, field + ".category", 100);
        indicator.name = Text.required(row.name, field + ".name", 300);
        indicator.unitOfMeasure = Text.optional(row.unitOfMeasure, field + ".unitOfMeasure", 50);
        if (row.nature == null) {
            throw new InvalidInput("'" + field + ".nature' is required.");
        }
        indicator.nature = row.nature;
        indicator.periodKind = row.periodKind == null ? Period.Kind.YEAR : row.periodKind;
        if (indicator.periodKind == Period.Kind.WEEK) {
            // Weeks exist for recurring duties; plan indicators are observed per year, half, quarter or month.
            throw new InvalidInput("'" + field + ".periodKind' WEEK is not a period of plan indicators: use YEAR, HALF, QUARTER or MONTH.");
        }
        indicator.target = target(row.target, indicator.periodKind, field + ".target");
    }

    /** Checks a target: relative comparators need a baseline of the indicator's period kind, the others refuse one. */
    static Target target(TargetInput input, Period.Kind kind, String field) {
        if (input == null || input.comparator == null || input.value == null) {
            throw new InvalidInput("'" + field + "' needs a comparator and a value.");
        }
        double value = input.value;
        if (!Double.isFinite(value)) {
            throw new InvalidInput("'" + field + ".value' must be a finite number.");
        }
        Target target = new Target();
        target.comparator = input.comparator;
        target.value = value;
        String baseline = Text.optional(input.baselinePeriod, field + ".baselinePeriod", 30);
        if (input.comparator.relative()) {
            if (baseline == null) {
                throw new InvalidInput("'" + field + ".baselinePeriod' is required for " + input.comparator
                        + ": a percentage change needs the period it is measured against (e.g. 2020, or 2016..2020 for a 5-year average).");
            }
            if (value <= 0) {
                throw new InvalidInput("'" + field + ".value' is the percentage of " + input.comparator + " and must be above 0, was " + value + ".");
            }
            if (input.comparator == TargetComparator.DECREASE_BY_PERCENT && value > 100) {
                throw new InvalidInput("'" + field + ".value' cannot decrease by more than 100%, was " + value + ".");
            }
            target.baselinePeriod = Baseline.parse(baseline, kind, field + ".baselinePeriod").key();
        } else if (baseline != null) {
            throw new InvalidInput("'" + field + ".baselinePeriod' applies only to DECREASE_BY_PERCENT and INCREASE_BY_PERCENT; "
                    + input.comparator + " compares with the value itself.");
        }
        if (input.averageYears != null) {
            if (input.averageYears < 1 || input.averageYears > 20) {
                throw new InvalidInput("'" + field + ".averageYears' must be between 1 and 20, was " + input.averageYears + ".");
            }
            if (kind != Period.Kind.YEAR) {
                throw new InvalidInput("'" + field + ".averageYears' needs an indicator observed per YEAR, not per " + kind + ".");
            }
            target.averageYears = input.averageYears;
        }
        target.wording = Text.optional(input.wording, field + ".wording", 100);
        return target;
    }

    private Long responsibleUnit(IndicatorInput row, String field, Region planRegion, LongFunction<Unit> unitLookup) {
        Long id = Ids.reference(row.responsibleUnitId, field + ".responsibleUnitId");
        if (id == null) {
            return null;
        }
        Unit unit = unitLookup.apply(id);
        if (unit == null) {
            throw new InvalidInput("'" + field + ".responsibleUnitId' names no known unit: " + id + ".");
        }
        Region unitRegion = organisation.regionOf(unit);
        if (!unitRegion.path.startsWith(planRegion.path)) {
            throw new InvalidInput("'" + field + ".responsibleUnitId' must be a unit in the plan's region (" + planRegion.code + ").");
        }
        return unit.id;
    }
}
