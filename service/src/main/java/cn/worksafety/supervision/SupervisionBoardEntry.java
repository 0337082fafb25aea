package cn.worksafety.supervision;

import java.time.LocalDate;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

import cn.worksafety.alert.Alert;

@Description("An open alert on the board: where it stands on its ladder as of the board's date.")
public record SupervisionBoardEntry(
        @NonNull Alert alert,
        @Description("The highest step of the ladder issued so far; null when none was.") SupervisionStep currentStep,
        @Description("The ladder's next step; null when the last was issued (or the ladder is empty).") SupervisionStep nextStep,
        @Description("When the next step is due: its afterDays after the current step was issued, or after the alert was raised.") LocalDate nextDueOn,
        @Description("A step issued to the unit has a reply-by date before the board's date and no reply as of it.") @NonNull boolean replyOverdue) {
}
