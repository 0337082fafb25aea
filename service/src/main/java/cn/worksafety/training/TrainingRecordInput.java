package cn.worksafety.training;

import java.time.LocalDate;

import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

@Input("TrainingRecordInput")
public class TrainingRecordInput {
    @NonNull
    @Id
    public String personId;
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
