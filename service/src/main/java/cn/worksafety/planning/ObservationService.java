package cn.worksafety.planning;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import cn.worksafety.audit.AuditTrail;
import cn.worksafety.common.Batch;
import cn.worksafety.common.Forbidden;
import cn.worksafety.common.Ids;
import cn.worksafety.common.InvalidInput;
import cn.worksafety.common.NotFound;
import cn.worksafety.common.Period;
import cn.worksafety.organisation.Region;
import cn.worksafety.security.Caller;
import cn.worksafety.security.Role;

/**
 * The observed values of plan indicators: the unit responsible for an indicator, or a
 * coordinator of the plan's region, records them (RULES.md: Indicators).
 */
@ApplicationScoped
public class ObservationService {

    @Inject
    PlanRepository plans;

    @Inject
    IndicatorRepository indicators;

    @Inject
    ObservationRepository observations;

    @Inject
    PlanAccess access;

    @Inject
    Caller caller;

    @Inject
    AuditTrail audit;

    @Inject
    Clock clock;

    /**
     * Records an indicator's value for a period of the indicator's kind that has started. Recording
     * the same period again replaces the value; the audit trail keeps the old one (RULES.md: Indicators).
     */
    @Transactional
    public Observation recordObservation(ObservationInput input) {
        Indicator indicator = indicators.findById(Ids.existing(input.indicatorId, "indicator"));
        Plan plan = indicator == null ? null : plans.findById(indicator.planId);
        if (plan == null || !access.canRead(plan)) {
            throw new NotFound("No indicator with id " + input.indicatorId + ".");
        }
        requireRecorder(indicator, access.region(plan));
        Period period = Period.parse(input.period == null ? null : input.period.strip(), "period");
        if (period.kind() != indicator.periodKind) {
            throw new InvalidInput("'period' " + period + " is a " + period.kind() + "; indicator " + indicator.id
                    + " is observed per " + indicator.periodKind + ".");
        }
        LocalDate today = LocalDate.now(clock);
        if (period.start().isAfter(today)) {
            throw new InvalidInput("'period' " + period + " has not started yet (today is " + today + ").");
        }
        if (input.value == null || !Double.isFinite(input.value)) {
            throw new InvalidInput("'value' must be a finite number.");
        }
        OffsetDateTime now = OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
        Observation observation = observations.find(indicator.id, period.key()).orElse(null);
        if (observation != null) {
            String before = audit.snapshot(observation);
            observation.value = input.value;
            observation.reportedByUnitId = caller.unitId();
            observation.recordedAt = now;
            observations.flush();
            audit.updated("recordObservation", observation, before);
            return observation;
        }
        observation = new Observation();
        observation.indicatorId = indicator.id;
        observation.period = period.key();
        observation.periodKind = period.kind();
        observation.periodStart = period.start();
        observation.periodEnd = period.end();
        observation.value = input.value;
        observation.reportedByUnitId = caller.unitId();
        observation.recordedAt = now;
        observations.persist(observation);
        audit.created("recordObservation", observation);
        return observation;
    }

    /** Admins; coordinators of the plan's region; the responsible unit's editors (or coordinators). */
    private void requireRecorder(Indicator indicator, Region planRegion) {
        if (caller.isAdmin() || (caller.has(Role.COORDINATOR) && caller.canRead(planRegion))) {
            return;
        }
        boolean writer = caller.has(Role.UNIT_EDITOR) || caller.has(Role.COORDINATOR);
        if (writer && indicator.responsibleUnitId != null && Objects.equals(indicator.responsibleUnitId, caller.unitId())) {
            return;
        }
        throw new Forbidden("Only the unit responsible for this indicator or a coordinator of the plan's region may record its observations.");
    }

    /** The observations of each indicator in the order of {@code indicatorIds}, oldest period first (one query for all of them). */
    public List<List<Observation>> observationsOf(List<Long> indicatorIds) {
        return Batch.grouped(indicatorIds, observations.ofIndicators(Batch.distinct(indicatorIds)), o -> o.indicatorId);
    }
}
