package cn.worksafety.linkage;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Ignore;

/**
 * A unit taking part in a mechanism, with its duty. Not a {@code TrackedEntity}: participants
 * are never changed one by one but replaced as a whole with their mechanism, whose version
 * and audit trail cover them.
 */
@Entity
@Table(name = "linkage_participant")
public class LinkageParticipant {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Ignore
    public Long id;

    @Column(name = "mechanism_id")
    @Ignore
    public Long mechanismId;

    @Column(name = "unit_id")
    @Ignore
    public Long unitId;

    @Description("What this unit does in the mechanism, in the source document's words.")
    public String duty;

    @Ignore
    public int position;
}
