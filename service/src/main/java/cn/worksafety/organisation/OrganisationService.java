package cn.worksafety.organisation;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import cn.worksafety.audit.AuditTrail;
import cn.worksafety.common.Batch;
import cn.worksafety.common.Conflict;
import cn.worksafety.common.Ids;
import cn.worksafety.common.InvalidInput;
import cn.worksafety.common.NotFound;
import cn.worksafety.common.Page;
import cn.worksafety.common.PageRequest;
import cn.worksafety.common.Text;
import cn.worksafety.security.Caller;

/**
 * Regions, units and persons: reads scoped to the caller's region, changes checked against
 * the caller's role and unit, every change audited.
 */
@ApplicationScoped
public class OrganisationService {

    /** Mainland resident ID: 17 digits and a digit or X check character (GB 11643). */
    private static final Pattern ID_NUMBER = Pattern.compile("^[0-9]{17}[0-9X]$");
    private static final Pattern PHONE = Pattern.compile("^\\+?[0-9][0-9 -]{4,18}[0-9]$");

    @Inject
    RegionRepository regions;

    @Inject
    UnitRepository units;

    @Inject
    PersonRepository persons;

    @Inject
    Caller caller;

    @Inject
    AuditTrail audit;

    // ---------- reads ----------

    /** Regions are public administrative divisions: every signed-in caller may browse the tree. */
    public List<Region> regions(String parentCode) {
        return regions.children(parentCode);
    }

    public Unit me() {
        return caller.unit();
    }

    /** A unit the caller may read, else NOT_FOUND (no existence leak). */
    public Unit unit(String id) {
        Unit unit = units.findById(Ids.existing(id, "unit"));
        if (unit == null || !caller.canRead(regions.findById(unit.regionCode))) {
            throw new NotFound("No unit with id " + id + ".");
        }
        return unit;
    }

    public Page<Unit> units(String regionCode, UnitKind kind, PageRequest page) {
        return units.page(caller.readablePathPrefix(), regionCode, kind, page);
    }

    public Person person(String id) {
        Person person = persons.findById(Ids.existing(id, "person"));
        if (person == null || !canRead(units.findById(person.unitId))) {
            throw new NotFound("No person with id " + id + ".");
        }
        return person;
    }

    public Page<Person> persons(String unitId, PersonRole role, PageRequest page) {
        return persons.page(caller.readablePathPrefix(), Ids.reference(unitId, "unitId"), role, page);
    }

    public boolean canRead(Unit unit) {
        return unit != null && caller.canRead(regions.findById(unit.regionCode));
    }

    /** A unit the caller may read, for services of other features that take a unit id. */
    public Unit readableUnit(Long id, String field) {
        Unit unit = id == null ? null : units.findById(id);
        if (!canRead(unit)) {
            throw new InvalidInput("'" + field + "' names no unit you can see: " + id + ".");
        }
        return unit;
    }

    public Region regionOf(Unit unit) {
        return regions.findById(unit.regionCode);
    }

    // ---------- single records by key, without a scope check (callers check) ----------

    /** The region with that code, or null. */
    public Region regionByCode(String code) {
        return code == null ? null : regions.findById(code);
    }

    /** The unit with that id, or null. */
    public Unit unitById(Long id) {
        return id == null ? null : units.findById(id);
    }

    /** The person with that id, or null. */
    public Person personById(Long id) {
        return id == null ? null : persons.findById(id);
    }

    // ---------- batch loading for nested fields ----------

    public List<Region> regionsFor(List<String> codes) {
        return Batch.inOrder(codes, regions.byCodes(Batch.distinct(codes)), r -> r.code);
    }

    public List<Unit> unitsFor(List<Long> ids) {
        return Batch.inOrder(ids, units.byIds(Batch.distinct(ids)), u -> u.id);
    }

    public List<Person> personsFor(List<Long> ids) {
        return Batch.inOrder(ids, persons.byIds(Batch.distinct(ids)), p -> p.id);
    }

    // ---------- changes ----------

    /** Admins build the region tree; a child must sit below its parent's level. */
    @Transactional
    public Region createRegion(RegionInput input) {
        Region region = new Region();
        region.code = Text.required(input.code, "code", 12);
        if (!region.code.matches("[0-9A-Za-z]+")) {
            throw new InvalidInput("'code' may contain only letters and digits (GB/T 2260 codes are digits).");
        }
        region.name = Text.required(input.name, "name", 100);
        region.level = input.level;
        Region parent = null;
        if (input.parentCode != null) {
            parent = regions.findById(input.parentCode);
            if (parent == null) {
                throw new InvalidInput("'parentCode' names no known region: " + input.parentCode + ".");
            }
            if (parent.level.ordinal() >= region.level.ordinal()) {
                throw new InvalidInput("A " + region.level + " region cannot sit below a " + parent.level + " region.");
            }
        }
        if (regions.findById(region.code) != null) {
            throw new Conflict("A region with code " + region.code + " already exists.");
        }
        region.parentCode = parent == null ? null : parent.code;
        region.path = (parent == null ? "/" : parent.path) + region.code + "/";
        regions.persist(region);
        audit.changed("createRegion", "Region", region.code, null, audit.snapshot(region));
        return region;
    }

    @Transactional
    public Unit createUnit(UnitInput input) {
        Unit unit = new Unit();
        unit.code = Text.required(input.code, "code", 64);
        unit.name = Text.required(input.name, "name", 200);
        unit.kind = input.kind;
        Region region = regions.findById(Text.required(input.regionCode, "regionCode", 12));
        if (region == null) {
            throw new InvalidInput("'regionCode' names no known region: " + input.regionCode + ".");
        }
        unit.regionCode = region.code;
        caller.requireRegionManager(region);
        Long parentId = Ids.reference(input.parentId, "parentId");
        if (parentId != null) {
            unit.parentId = readableUnit(parentId, "parentId").id;
        }
        if (units.findByCode(unit.code).isPresent()) {
            throw new Conflict("A unit with code " + unit.code + " already exists.");
        }
        units.persist(unit);
        audit.created("createUnit", unit);
        return unit;
    }

    @Transactional
    public Person createPerson(PersonInput input) {
        Person person = new Person();
        person.name = Text.required(input.name, "name", 100);
        Unit unit = readableUnit(Ids.reference(input.unitId, "unitId"), "unitId");
        caller.requireUnitEditor(unit, regionOf(unit));
        person.unitId = unit.id;
        person.roleNames = input.roles == null ? new ArrayList<>()
                : input.roles.stream().distinct().map(Enum::name).collect(Collectors.toCollection(ArrayList::new));
        person.idNumber = Text.optional(input.idNumber, "idNumber", 18);
        if (person.idNumber != null) {
            person.idNumber = person.idNumber.toUpperCase();
            if (!ID_NUMBER.matcher(person.idNumber).matches()) {
                throw new InvalidInput("'idNumber' must be an 18-character resident ID number (17 digits and a digit or X).");
            }
        }
        person.phone = Text.optional(input.phone, "phone", 20);
        if (person.phone != null && !PHONE.matcher(person.phone).matches()) {
            throw new InvalidInput("'phone' must be a phone number of digits, spaces or dashes.");
        }
        persons.persist(person);
        audit.created("createPerson", person);
        return person;
    }
}
