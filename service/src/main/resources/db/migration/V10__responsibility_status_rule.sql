-- RULES.md "Responsibilities", status as of a date. The ONGOING clause is the specific rule and
-- overrides COMPLETED (else "DATE_THEN_ONGOING items completed by their date" could never apply):
--   ONGOING    LONG_TERM, always (a completing report is recorded and shown as completedOn, but
--              a standing duty goes on); DATE_THEN_ONGOING completed on or before due_on;
--   COMPLETED  DATE completed; DATE_THEN_ONGOING completed after due_on (late);
--   OVERDUE    DATE or DATE_THEN_ONGOING, not completed, as_of after due_on;
--   OPEN       otherwise.
-- "Completed" means a completing report dated on or before as_of (completed_on <= as_of).
-- Replaces V4's version, which made a completed LONG_TERM item COMPLETED and a DATE_THEN_ONGOING
-- item completed late ONGOING. Same signature, still one immutable SQL select, so the planner
-- keeps inlining it into the status filters and the overdue check.
create or replace function responsibility_status(kind varchar, due_on date, completed_on date, as_of date) returns varchar
    language sql immutable as
$$
    select case
        when kind = 'LONG_TERM' then 'ONGOING'
        when completed_on is not null and completed_on <= as_of then
            case when kind = 'DATE_THEN_ONGOING' and completed_on <= due_on then 'ONGOING' else 'COMPLETED' end
        when as_of > due_on then 'OVERDUE'
        else 'OPEN'
    end
$$;
