package cn.worksafety.linkage;

import java.util.Collection;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepository;

@ApplicationScoped
public class LinkageParticipantRepository implements PanacheRepository<LinkageParticipant> {

    /** Participants of all the mechanisms, in each mechanism's order: one statement. */
    public List<LinkageParticipant> forMechanisms(Collection<Long> mechanismIds) {
        return mechanismIds.isEmpty() ? List.of()
                : list("mechanismId in ?1 order by mechanismId, position", mechanismIds);
    }

    /** The participants of one mechanism, in its order: one statement. */
    public List<LinkageParticipant> forMechanism(long mechanismId) {
        return list("mechanismId = ?1 order by position", mechanismId);
    }

    /** Removes a mechanism's participants at once, so their replacements can reuse the same units. */
    public void deleteForMechanism(long mechanismId) {
        delete("mechanismId", mechanismId);
    }
}
