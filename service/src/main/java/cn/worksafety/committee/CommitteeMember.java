package cn.worksafety.committee;

import java.io.Serializable;
import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

/** A unit sitting on a committee, in the order the committee lists its members. Not a GraphQL type. */
@Entity
@Table(name = "committee_member")
@IdClass(CommitteeMember.Key.class)
public class CommitteeMember {

    @Id
    @Column(name = "committee_id")
    public Long committeeId;

    @Id
    @Column(name = "unit_id")
    public Long unitId;

    public int position;

    public CommitteeMember() {
    }

    CommitteeMember(Long committeeId, Long unitId, int position) {
        this.committeeId = committeeId;
        this.unitId = unitId;
        this.position = position;
    }

    public static class Key implements Serializable {
        public Long committeeId;
        public Long unitId;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(committeeId, k.committeeId) && Objects.equals(unitId, k.unitId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(committeeId, unitId);
        }
    }
}
