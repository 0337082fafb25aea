package cn.worksafety.organisation;

import java.util.Collection;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class RegionRepository implements PanacheRepositoryBase<Region, String> {

    public List<Region> children(String parentCode) {
        return parentCode == null
                ? list("parentCode is null order by code")
                : list("parentCode = ?1 order by code", parentCode);
    }

    public List<Region> byCodes(Collection<String> codes) {
        return codes.isEmpty() ? List.of() : list("code in ?1", codes);
    }
}
