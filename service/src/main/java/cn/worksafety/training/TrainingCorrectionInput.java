package cn.worksafety.training;

import java.time.LocalDate;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

/** The corrected values of a training record: all of them, as in {@link TrainingRecordInput} without the person. */
@Input("TrainingCorrectionInput")
@Description("The corrected values of a training record; every field is replaced (omitted optional fields become null).")
public class TrainingCorrectionInput {
    @NonNull
    public TrainingKind kind;
    @NonNull
    public LocalDate completedOn;
    public Double hours;
    @NonNull
    public Boolean passed;
    public String certificateNumber;
    public LocalDate validUntil;
}
