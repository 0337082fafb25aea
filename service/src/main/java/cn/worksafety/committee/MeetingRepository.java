package cn.worksafety.committee;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepository;

@ApplicationScoped
public class MeetingRepository implements PanacheRepository<Meeting> {

    /** Meetings (not withdrawn) of the committees held between the dates (each inclusive, null: open), by date. */
    public List<Meeting> ofCommittees(Collection<Long> committeeIds, LocalDate from, LocalDate to) {
        if (committeeIds.isEmpty()) {
            return List.of();
        }
        return getEntityManager().createQuery("select m from Meeting m where m.committeeId in :ids and m.withdrawnAt is null "
                + "and m.heldOn >= :from and m.heldOn <= :to order by m.committeeId, m.heldOn, m.id", Meeting.class)
                .setParameter("ids", committeeIds)
                .setParameter("from", from == null ? LocalDate.of(1, 1, 1) : from)
                .setParameter("to", to == null ? LocalDate.of(9999, 12, 31) : to)
                .getResultList();
    }

    /** Rows of [committee id, held on] of the PLENARY meetings (not withdrawn) between the dates, inclusive. */
    public List<Object[]> plenaryDays(Collection<Long> committeeIds, LocalDate from, LocalDate to) {
        if (committeeIds.isEmpty()) {
            return List.of();
        }
        return getEntityManager().createQuery("select m.committeeId, m.heldOn from Meeting m where m.committeeId in :ids "
                + "and m.kind = :kind and m.withdrawnAt is null and m.heldOn >= :from and m.heldOn <= :to", Object[].class)
                .setParameter("ids", committeeIds).setParameter("kind", MeetingKind.PLENARY)
                .setParameter("from", from).setParameter("to", to).getResultList();
    }

    /** Whether another record (not withdrawn) of the committee has the same day and kind. */
    public boolean duplicate(Long committeeId, LocalDate heldOn, MeetingKind kind, Long exceptId) {
        return count("committeeId = ?1 and heldOn = ?2 and kind = ?3 and withdrawnAt is null and id <> ?4",
                committeeId, heldOn, kind, exceptId == null ? -1L : exceptId) > 0;
    }

    /** Rows of [meeting id, attending Unit] for the meetings, in recorded order: one statement. */
    public List<Object[]> attendees(Collection<Long> meetingIds) {
        if (meetingIds.isEmpty()) {
            return List.of();
        }
        return getEntityManager().createQuery("select a.meetingId, u from MeetingAttendee a, Unit u "
                + "where u.id = a.unitId and a.meetingId in :ids order by a.meetingId, a.position", Object[].class)
                .setParameter("ids", meetingIds).getResultList();
    }

    public List<Long> attendeeIds(Long meetingId) {
        return getEntityManager().createQuery("select a.unitId from MeetingAttendee a where a.meetingId = :id order by a.position",
                Long.class).setParameter("id", meetingId).getResultList();
    }

    public void replaceAttendees(Long meetingId, List<Long> unitIds) {
        getEntityManager().createQuery("delete from MeetingAttendee a where a.meetingId = :id").setParameter("id", meetingId)
                .executeUpdate();
        for (int i = 0; i < unitIds.size(); i++) {
            getEntityManager().persist(new MeetingAttendee(meetingId, unitIds.get(i), i));
        }
    }
}
