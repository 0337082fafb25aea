package cn.worksafety.committee;

import java.time.LocalDate;
import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

@Input("MeetingCorrectionInput")
@Description("Fields left out (null) stay as they are; an empty chair or summary clears it; attendeeIds replaces the attendees.")
public class MeetingCorrectionInput {
    public LocalDate heldOn;
    public MeetingKind kind;
    public String chair;
    public String summary;
    @Id
    public List<@NonNull String> attendeeIds;
}
