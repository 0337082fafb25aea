package cn.worksafety.hazard;

import java.time.LocalDate;

import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

@Input("InterviewInput")
public class InterviewInput {
    @NonNull
    public LocalDate heldOn;
    @NonNull
    public String heldBy;
    @NonNull
    public String interviewee;
    public String summary;
}
