package cn.worksafety.local;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import cn.worksafety.audit.AuditTrail;
import cn.worksafety.committee.Committee;
import cn.worksafety.committee.CommitteeRepository;
import cn.worksafety.committee.Frequency;
import cn.worksafety.committee.Meeting;
import cn.worksafety.committee.MeetingKind;
import cn.worksafety.committee.MeetingPeriods;
import cn.worksafety.committee.MeetingRepository;
import cn.worksafety.committee.MeetingRule;
import cn.worksafety.common.Period;
import cn.worksafety.organisation.UnitRepository;

/**
 * Local mode: the Guangyuan ETDZ committees of 002 (六) (sample/committees.csv) with meetings for
 * every required period up to today except a few, so the first check run (the start-up catch-up)
 * has MISSED_MEETING alerts to show. Dates are relative to the day of the first start.
 */
@ApplicationScoped
public class CommitteeSample implements SampleDataSet {

    private static final String[] TOPICS = {
        "传达学习安委〔2022〕6号精神，研究部署安全生产十五条措施落实工作",
        "研判本期安全风险形势，部署重大事故隐患排查整治",
        "听取各成员单位安全生产工作汇报，督办问题隐患整改",
        "部署汛期及重点时段安全防范工作",
        "研究安全生产大检查发现问题的整改措施" };

    @Inject
    CommitteeRepository committees;

    @Inject
    MeetingRepository meetings;

    @Inject
    UnitRepository units;

    @Inject
    AuditTrail audit;

    @Inject
    Clock clock;

    @Override
    public String name() {
        return "committees";
    }

    @Override
    public int order() {
        return 40;
    }

    @Override
    public void load() {
        LocalDate today = LocalDate.now(clock);
        for (String[] row : SampleDataSet.csv("sample/committees.csv")) {
            Committee committee = new Committee();
            committee.name = row[0];
            committee.unitId = unitId(row[1]);
            committee.establishedOn = LocalDate.parse(row[2]);
            committee.rule = new MeetingRule();
            committee.rule.frequency = Frequency.valueOf(row[3]);
            committee.rule.minimumMeetings = Integer.parseInt(row[4]);
            committee.rule.graceDays = Integer.parseInt(row[5]);
            List<Long> members = codes(row[6]).stream().map(this::unitId).toList();
            committees.persist(committee);
            committees.replaceMembers(committee.id, members);
            audit.created("sample-data", committee);

            Set<Integer> shortBack = codes(row[7]).stream().map(Integer::valueOf).collect(Collectors.toSet());
            boolean specialWhenShort = "special".equals(row[8]);
            String chair = row[9].isEmpty() ? null : row[9];

            List<Period> periods = new ArrayList<>();
            for (Period p = MeetingPeriods.firstRequired(committee.rule.frequency, committee.establishedOn);
                    !p.start().isAfter(today); p = p.next()) {
                periods.add(p);
            }
            long checked = periods.stream()
                    .filter(p -> MeetingPeriods.isChecked(p, committee.establishedOn, committee.rule.graceDays, today)).count();
            for (int i = 0; i < periods.size(); i++) {
                Period period = periods.get(i);
                LocalDate day = period.start().plusDays(6 + (i * 7) % 20);
                if (day.isAfter(period.end())) {
                    day = period.end();
                }
                if (day.isAfter(today)) {
                    continue;
                }
                boolean isShort = shortBack.contains((int) (checked - i));
                if (isShort && !specialWhenShort) {
                    continue;
                }
                Meeting meeting = new Meeting();
                meeting.committeeId = committee.id;
                meeting.heldOn = day;
                meeting.kind = isShort ? MeetingKind.SPECIAL : MeetingKind.PLENARY;
                meeting.chair = chair;
                meeting.summary = isShort ? "专题研究道路交通和消防安全问题" : TOPICS[i % TOPICS.length];
                meetings.persist(meeting);
                meetings.replaceAttendees(meeting.id, isShort ? members.subList(0, Math.min(3, members.size())) : members);
            }
        }
    }

    private Long unitId(String code) {
        return units.findByCode(code).orElseThrow(() -> new IllegalStateException("Sample committee names unknown unit " + code)).id;
    }

    private static List<String> codes(String field) {
        return field.isBlank() ? List.of() : Arrays.stream(field.split(";")).map(String::strip).toList();
    }
}
