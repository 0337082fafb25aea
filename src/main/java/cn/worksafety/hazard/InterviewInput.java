package cn.worksafety.hazard;

import java.time.LocalDate;

import org.eclipse.microprofile.graphql.NonNull;

public class InterviewInput {
    @NonNull
    public LocalDate heldOn;
    @NonNull
    public String heldBy;
    @NonNull
    public String interviewee;
    public String summary;
}
