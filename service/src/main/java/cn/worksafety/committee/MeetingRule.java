package cn.worksafety.committee;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

/** At least {@code minimumMeetings} PLENARY meetings in every period of {@code frequency}. */
@Embeddable
public class MeetingRule {

    @Enumerated(EnumType.STRING)
    @NonNull
    public Frequency frequency;

    @Column(name = "minimum_meetings")
    @NonNull
    public int minimumMeetings;

    @Column(name = "grace_days")
    @NonNull
    @Description("Days after a period ends before a shortfall raises an alert (0: the day after it ends).")
    public int graceDays;
}
