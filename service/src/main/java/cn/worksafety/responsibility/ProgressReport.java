package cn.worksafety.responsibility;

import cn.worksafety.exchange.ChangedRecord;
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

/** A unit's report on an item, append-only. */
@Entity
@Table(name = "progress_report")
public class ProgressReport implements ChangedRecord {

    @jakarta.persistence.Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @org.eclipse.microprofile.graphql.Id
    @NonNull
    public Long id;

    @Column(name = "responsibility_id")
    @Ignore
    public Long responsibilityId;

    @Column(name = "unit_id")
    @Ignore
    public Long unitId;

    @Column(name = "reported_on")
    @NonNull
    public LocalDate reportedOn;

    @NonNull
    public String summary;

    @NonNull
    @Description("The reporting unit says its work on the item is done.")
    public boolean completed;

    @Column(name = "filed_by_office")
    @NonNull
    @Description("Filed by the committee office (a coordinator of the list's region, or an admin).")
    public boolean filedByOffice;

    @Column(name = "counts_as_completion")
    @NonNull
    @Description("This report completes the item: completed, and filed by a LEAD unit of the item or by the committee office.")
    public boolean countsAsCompletion;

    @Column(name = "reported_by")
    @Ignore
    public String reportedBy;

    @Column(name = "recorded_at")
    @NonNull
    public OffsetDateTime recordedAt;
}
