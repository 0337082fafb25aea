package cn.worksafety.committee;

import java.time.LocalDate;
import java.util.List;

import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

@Input("MeetingInput")
public class MeetingInput {
    @NonNull
    @Id
    public String committeeId;
    @NonNull
    public LocalDate heldOn;
    @NonNull
    public MeetingKind kind;
    public String chair;
    public String summary;
    @Id
    public List<@NonNull String> attendeeIds;
}
