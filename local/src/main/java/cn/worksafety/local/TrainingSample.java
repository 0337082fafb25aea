package cn.worksafety.local;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import cn.worksafety.audit.AuditTrail;
import cn.worksafety.organisation.Person;
import cn.worksafety.organisation.PersonRepository;
import cn.worksafety.organisation.PersonRole;
import cn.worksafety.organisation.UnitRepository;
import cn.worksafety.training.TrainingKind;
import cn.worksafety.training.TrainingRecord;
import cn.worksafety.training.TrainingRecordRepository;
import cn.worksafety.training.TrainingRule;
import cn.worksafety.training.TrainingRuleRepository;

/**
 * The training rules of seeds 003 and 004 (induction, yearly refresher, yearly assessment,
 * certificates), two sample enterprises, and people of the emergency-management bureaus and
 * enterprises whose training is valid, expiring, expired and missing on the day the sample
 * loads: record dates are counted back from the service's clock then.
 */
@ApplicationScoped
public class TrainingSample implements SampleDataSet {

    @Inject
    OrganisationSample organisation;

    @Inject
    UnitRepository units;

    @Inject
    PersonRepository persons;

    @Inject
    TrainingRuleRepository rules;

    @Inject
    TrainingRecordRepository records;

    @Inject
    AuditTrail audit;

    @Inject
    Clock clock;

    @Override
    public String name() {
        return "training";
    }

    @Override
    public int order() {
        return 50;
    }

    @Override
    public void load() {
        LocalDate today = LocalDate.now(clock);
        organisation.addUnits("sample/training-units.csv");
        for (String[] row : SampleDataSet.csv("sample/training-rules.csv")) {
            TrainingRule rule = new TrainingRule();
            rule.role = PersonRole.valueOf(row[0]);
            rule.kind = TrainingKind.valueOf(row[1]);
            rule.minimumHours = row[2].isEmpty() ? null : Double.valueOf(row[2]);
            rule.validityMonths = row[3].isEmpty() ? null : Integer.valueOf(row[3]);
            rule.description = row[4];
            rules.persist(rule);
            audit.created("sample-data", rule);
        }
        Map<String, Person> byKey = new HashMap<>();
        for (String[] row : SampleDataSet.csv("sample/training-people.csv")) {
            Person person = new Person();
            person.unitId = units.findByCode(row[1]).orElseThrow().id;
            person.name = row[2];
            person.roleNames = Arrays.stream(row[3].split("\\|")).map(r -> PersonRole.valueOf(r).name())
                    .collect(Collectors.toList());
            persons.persist(person);
            audit.created("sample-data", person);
            byKey.put(row[0], person);
        }
        for (String[] row : SampleDataSet.csv("sample/training-records.csv")) {
            TrainingRecord record = new TrainingRecord();
            record.personId = byKey.get(row[0]).id;
            record.kind = TrainingKind.valueOf(row[1]);
            record.completedOn = today.minusDays(Long.parseLong(row[2]));
            record.hours = row[3].isEmpty() ? null : Double.valueOf(row[3]);
            record.passed = Boolean.parseBoolean(row[4]);
            record.certificateNumber = row[5].isEmpty() ? null : row[5];
            record.validUntil = row[6].isEmpty() ? null : today.plusDays(Long.parseLong(row[6]));
            records.persist(record);
            audit.created("sample-data", record);
        }
    }
}
