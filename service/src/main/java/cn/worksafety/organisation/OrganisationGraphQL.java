package cn.worksafety.organisation;

import java.time.OffsetDateTime;
import java.util.List;

import jakarta.inject.Inject;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import org.eclipse.microprofile.graphql.Source;

import cn.worksafety.common.PageRequest;
import cn.worksafety.security.Allowed;

import static cn.worksafety.exchange.ExchangeGraphQL.UPDATED_SINCE_DEPRECATION;
import cn.worksafety.security.PersonalData;
import cn.worksafety.security.Role;

@GraphQLApi
public class OrganisationGraphQL {

    @Inject
    OrganisationService service;

    @Inject
    PersonalData personalData;

    @Query
    @Allowed
    @Description("The unit the caller acts for (from the token's unit claim).")
    public Unit me() {
        return service.me();
    }

    @Query
    @Allowed
    @Description("Child regions of parentCode, or the top-level regions without it.")
    public @NonNull List<@NonNull Region> regions(@Id String parentCode) {
        return service.regions(parentCode);
    }

    @Query
    @Allowed
    public Unit unit(@NonNull @Id String id) {
        return service.unit(id);
    }

    @Query
    @Allowed
    @Description("Units the caller may see; regionCode includes the regions below it. With updatedSince, "
            + "units changed at or after that instant, ordered by change time.")
    public @NonNull UnitConnection units(Integer first, String after, @Id String regionCode, UnitKind kind,
            @Deprecated @Description(UPDATED_SINCE_DEPRECATION) OffsetDateTime updatedSince) {
        return UnitConnection.of(service.units(regionCode, kind, PageRequest.of(first, after, updatedSince)));
    }

    @Query
    @Allowed
    public Person person(@NonNull @Id String id) {
        return service.person(id);
    }

    @Query
    @Allowed
    public @NonNull PersonConnection persons(Integer first, String after, @Id String unitId, PersonRole role,
            @Deprecated @Description(UPDATED_SINCE_DEPRECATION) OffsetDateTime updatedSince) {
        return PersonConnection.of(service.persons(unitId, role, PageRequest.of(first, after, updatedSince)));
    }

    @Mutation
    @Allowed(Role.ADMIN)
    @Description("Adds a region to the tree (admin only).")
    public @NonNull Region createRegion(@NonNull RegionInput input) {
        return service.createRegion(input);
    }

    @Mutation
    @Allowed({ Role.ADMIN, Role.COORDINATOR })
    public @NonNull Unit createUnit(@NonNull UnitInput input) {
        return service.createUnit(input);
    }

    @Mutation
    @Allowed({ Role.ADMIN, Role.COORDINATOR, Role.UNIT_EDITOR })
    public @NonNull Person createPerson(@NonNull PersonInput input) {
        return service.createPerson(input);
    }

    // ---------- nested fields, loaded in one query per field and level ----------

    @Name("region")
    public @NonNull List<@NonNull Region> unitRegion(@Source List<Unit> units) {
        return service.regionsFor(units.stream().map(u -> u.regionCode).toList());
    }

    @Name("parent")
    public List<Unit> unitParent(@Source List<Unit> units) {
        return service.unitsFor(units.stream().map(u -> u.parentId).toList());
    }

    @Name("parent")
    public List<Region> regionParent(@Source List<Region> regions) {
        return service.regionsFor(regions.stream().map(r -> r.parentCode).toList());
    }

    @Name("unit")
    public @NonNull List<@NonNull Unit> personUnit(@Source List<Person> persons) {
        return service.unitsFor(persons.stream().map(p -> p.unitId).toList());
    }

    @Name("idNumber")
    @Description("Masked (1101**********1234) unless the caller may see personal data.")
    public List<String> personIdNumber(@Source List<Person> persons) {
        return persons.stream().map(p -> personalData.idNumber(p.idNumber, p.unitId)).toList();
    }

    @Name("phone")
    @Description("Masked (138****5678) unless the caller may see personal data.")
    public List<String> personPhone(@Source List<Person> persons) {
        return persons.stream().map(p -> personalData.phone(p.phone, p.unitId)).toList();
    }
}
