package cn.worksafety.local;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import cn.worksafety.audit.AuditTrail;
import cn.worksafety.organisation.Region;
import cn.worksafety.organisation.RegionLevel;
import cn.worksafety.organisation.RegionRepository;
import cn.worksafety.organisation.Unit;
import cn.worksafety.organisation.UnitKind;
import cn.worksafety.organisation.UnitRepository;

/** Regions and units of the four districts the seed documents come from (sample/*.csv). */
@ApplicationScoped
public class OrganisationSample implements SampleDataSet {

    @Inject
    RegionRepository regions;

    @Inject
    UnitRepository units;

    @Inject
    AuditTrail audit;

    @Override
    public String name() {
        return "organisation";
    }

    @Override
    public int order() {
        return 0;
    }

    @Override
    public void load() {
        for (String[] row : csv("sample/regions.csv")) {
            Region region = new Region();
            region.code = row[0];
            region.name = row[1];
            region.level = RegionLevel.valueOf(row[2]);
            region.parentCode = row[3].isEmpty() ? null : row[3];
            region.path = (region.parentCode == null ? "/" : regions.findById(region.parentCode).path) + region.code + "/";
            regions.persist(region);
        }
        for (String[] row : csv("sample/units.csv")) {
            Unit unit = new Unit();
            unit.code = row[0];
            unit.name = row[1];
            unit.kind = UnitKind.valueOf(row[2]);
            unit.regionCode = row[3];
            unit.parentId = row[4].isEmpty() ? null : units.findByCode(row[4]).orElseThrow().id;
            units.persist(unit);
            audit.created("sample-data", unit);
        }
    }

    /** Rows of a comma-separated resource, without '#' comment lines; trailing empty fields kept. */
    static List<String[]> csv(String resource) {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Missing sample resource " + resource);
            }
            return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines()
                    .filter(line -> !line.isBlank() && !line.startsWith("#"))
                    .map(line -> line.split(",", -1))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
