package cn.worksafety.committee;

import java.io.Serializable;
import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

/** A unit that attended a meeting, in the order recorded. Not a GraphQL type. */
@Entity
@Table(name = "meeting_attendee")
@IdClass(MeetingAttendee.Key.class)
public class MeetingAttendee {

    @Id
    @Column(name = "meeting_id")
    public Long meetingId;

    @Id
    @Column(name = "unit_id")
    public Long unitId;

    public int position;

    public MeetingAttendee() {
    }

    MeetingAttendee(Long meetingId, Long unitId, int position) {
        this.meetingId = meetingId;
        this.unitId = unitId;
        this.position = position;
    }

    public static class Key implements Serializable {
        public Long meetingId;
        public Long unitId;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(meetingId, k.meetingId) && Objects.equals(unitId, k.unitId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(meetingId, unitId);
        }
    }
}
