package cn.worksafety.local;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import cn.worksafety.responsibility.ResponsibilityImporter;

/**
 * The Guangyuan ETDZ responsibility list of seed 002: all 41 measures, loaded from
 * sample/guangyuan-2022-list.csv (produced from the document by the tested converter in
 * src/test, GuangyuanListConverter) through the same import that real users' files go through.
 * Units the list names that the organisation sample lacks come from sample/responsibility-units.csv.
 */
@ApplicationScoped
public class ResponsibilitySample implements SampleDataSet {

    static final String TITLE = "广元经开区贯彻落实国省市安全生产十五条措施的实施意见(征求意见稿)";

    @Inject
    OrganisationSample organisation;

    @Inject
    ResponsibilityImporter importer;

    @Override
    public String name() {
        return "responsibility";
    }

    @Override
    public int order() {
        return 10;
    }

    @Override
    public void load() {
        organisation.addUnits("sample/responsibility-units.csv");
        // Issued for comment by the district committee office on 13 June 2022 (a draft: no 文号 yet).
        importer.importSample(new ResponsibilityImporter.ListFields(TITLE, null, null, "GY-AB", LocalDate.of(2022, 6, 13)),
                resource("sample/guangyuan-2022-list.csv"));
    }

    private static byte[] resource(String name) {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("Missing sample resource " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
