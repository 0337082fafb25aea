package cn.worksafety.responsibility;

import cn.worksafety.exchange.ChangedRecord;
import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.NonNull;

import cn.worksafety.common.TrackedEntity;

/**
 * One numbered item of a list: title, full text, deadline. Its assignments, progress reports
 * and computed status are resolved in batches by {@link ResponsibilityGraphQL}.
 */
@Entity
@Table(name = "responsibility")
public class Responsibility extends TrackedEntity implements ChangedRecord {

    @Column(name = "list_id")
    @Ignore
    public Long listId;

    @NonNull
    @Description("The item's number as the document writes it, e.g. (十五).")
    public String number;

    @NonNull
    public String title;

    @NonNull
    @Description("The full text of the item, verbatim.")
    public String content;

    @Column(name = "units_text")
    @Description("责任单位 exactly as the source document words them, when known.")
    public String unitsText;

    @Column(name = "deadline_text")
    @Description("完成时间 exactly as the source document words it, when known.")
    public String deadlineText;

    @Enumerated(EnumType.STRING)
    @Column(name = "deadline_kind")
    @Ignore
    public DeadlineKind deadlineKind;

    @Column(name = "due_on")
    @Ignore
    public LocalDate dueOn;

    public @NonNull Deadline getDeadline() {
        return new Deadline(deadlineKind, dueOn);
    }
}
