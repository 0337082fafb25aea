package cn.worksafety.organisation;

import java.util.Collection;
import java.util.List;
import java.util.Objects;

import jakarta.enterprise.context.ApplicationScoped;

import org.hibernate.SessionCheckMode;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class RegionRepository implements PanacheRepositoryBase<Region, String> {

    public List<Region> children(String parentCode) {
        return parentCode == null
                ? list("parentCode is null order by code")
                : list("parentCode = ?1 order by code", parentCode);
    }

    /** The regions with these codes (unknown ones left out); those already in the request's session cost no query. */
    public List<Region> byCodes(Collection<String> codes) {
        return codes.isEmpty() ? List.of()
                : getSession().findMultiple(Region.class, List.copyOf(codes), SessionCheckMode.ENABLED).stream()
                        .filter(Objects::nonNull).toList();
    }
}
