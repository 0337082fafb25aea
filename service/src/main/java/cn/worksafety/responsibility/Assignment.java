package cn.worksafety.responsibility;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Table;

import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.NonNull;

/**
 * A unit assigned to an item with a role. Assignments are part of their item: they are
 * replaced as a whole (and the item's version moves) rather than edited one by one.
 */
@Entity
@Table(name = "responsibility_assignment")
public class Assignment {

    @jakarta.persistence.Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Ignore
    public Long id;

    @Column(name = "responsibility_id")
    @Ignore
    public Long responsibilityId;

    @Column(name = "unit_id")
    @Ignore
    public Long unitId;

    @Enumerated(EnumType.STRING)
    @NonNull
    public AssignmentRole role;

    public Assignment() {
    }

    Assignment(Long responsibilityId, Long unitId, AssignmentRole role) {
        this.responsibilityId = responsibilityId;
        this.unitId = unitId;
        this.role = role;
    }
}
