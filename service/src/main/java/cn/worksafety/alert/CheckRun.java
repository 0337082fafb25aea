package cn.worksafety.alert;

import java.time.LocalDate;
import java.time.OffsetDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Table;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.NonNull;

/** The record of one run of all checks as of a date. */
@Entity
@Table(name = "check_run")
public class CheckRun {

    @jakarta.persistence.Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Ignore
    public Long id;

    @Column(name = "as_of")
    @NonNull
    public LocalDate asOf;

    @Description("MANUAL (runChecks), SCHEDULE (daily) or STARTUP (catch-up after a missed day).")
    @NonNull
    public String trigger;

    @Column(name = "started_at")
    @NonNull
    public OffsetDateTime startedAt;

    @Column(name = "finished_at")
    @NonNull
    public OffsetDateTime finishedAt;

    @Column(name = "alerts_raised")
    @NonNull
    @Description("Alerts this run raised, or reopened because their condition holds again after the system resolved them or after the office's closure and its quiet period (a repeated run raises none).")
    public int alertsRaised;

    @Column(name = "alerts_resolved")
    @NonNull
    @Description("Open alerts this run resolved because their condition has cleared.")
    public int alertsResolved;

    @Column(name = "missed_meetings")
    @NonNull
    @Description("Committee periods short of their rule as of the date.")
    public int missedMeetings;

    @Column(name = "expired_training")
    @NonNull
    @Description("Person and rule pairs whose training has expired as of the date.")
    public int expiredTraining;

    @Column(name = "overdue_responsibilities")
    @NonNull
    @Description("Responsibility items overdue as of the date.")
    public int overdueResponsibilities;
}
