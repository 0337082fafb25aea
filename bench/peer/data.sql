-- The benchmark's data set, loaded with psql into the service's database after its migrations:
--   psql -v scale=1 -f data.sql
-- Per scale step: 1,000 units, 50 responsibility lists of 200 items (10,000 items, 3 assignments
-- each, a progress report on every third), 50 plans of 10 indicators with yearly observations.
-- 50 lists make "every list with its first 20 items" about 0.5 MB, as in issue 14.
-- Everything lies in the Guangyuan development zone (region 510871 and its two towns), so a
-- coordinator of GY-AB sees all of it, as PostGraphile (which applies no authorization) does.
-- Deterministic (no random()): two runs at one scale load the same rows.
\set ON_ERROR_STOP on
begin;

create temporary table bench_unit (n int primary key, id bigint not null);

with made as (
    insert into unit (code, name, kind, region_code)
    select 'BENCH-' || lpad(n::text, 5, '0'),
           (array ['广元经开区', '盘龙镇', '袁家坝街道'])[n % 3 + 1]
               || (array ['示例化工企业', '示例建材企业', '安全生产监管站', '示例物流企业', '综合行政执法队'])[n % 5 + 1]
               || lpad(n::text, 4, '0') || '号',
           (array ['ENTERPRISE', 'ENTERPRISE', 'DEPARTMENT', 'ENTERPRISE', 'OTHER'])[n % 5 + 1],
           (array ['510871', '510871101', '510871001'])[n % 3 + 1]
    from generate_series(1, 1000 * :scale) n
    returning id, code)
insert into bench_unit select substr(code, 7)::int, id from made;

create temporary table bench_list (n int primary key, id bigint not null);

with made as (
    insert into responsibility_list (title, document_number, issuer_id, issued_on)
    select '广元经开区' || (2024 + n % 3) || '年度安全生产重点工作责任清单（第' || n || '批）',
           '广开安委〔' || (2024 + n % 3) || '〕' || n || '号',
           (select id from bench_unit where bench_unit.n = (l.n * 7) % (1000 * :scale) + 1),
           date '2024-01-15' + (n % 700)
    from generate_series(1, 50 * :scale) l(n)
    returning id, document_number)
insert into bench_list select substring(document_number from '〕([0-9]+)号')::int, id from made;

-- Item k (1..200) of list l is global item n = (l - 1) * 200 + k.
create temporary table bench_item (n int primary key, id bigint not null);

with made as (
    insert into responsibility (list_id, number, title, content, deadline_kind, due_on)
    select bl.id,
           k || '.',
           (array ['压实企业安全生产主体责任', '开展危险化学品专项整治', '加强消防安全隐患排查',
                   '推进安全风险分级管控', '落实领导干部包保责任', '组织应急预案演练',
                   '强化建设施工安全监管', '开展安全生产执法检查', '完善安全生产考核机制',
                   '加强安全宣传教育培训'])[g.n % 10 + 1] || '（' || k || '）',
           '各责任单位要结合实际，细化工作措施，明确责任人和完成时限，'
               || '定期开展检查督导，建立问题清单、整改清单和责任清单，'
               || '确保第' || k || '项工作按期落实到位，并将落实情况按月报送区安委会办公室。',
           (array ['DATE', 'LONG_TERM', 'DATE_THEN_ONGOING'])[g.n % 3 + 1],
           case when g.n % 3 = 1 then null else date '2025-06-30' + (g.n % 730) end
    from bench_list bl cross join generate_series(1, 200) k cross join lateral (select (bl.n - 1) * 200 + k) g(n)
    order by bl.n, k
    returning id, list_id, number)
insert into bench_item
select (bl.n - 1) * 200 + rtrim(m.number, '.')::int, m.id from made m join bench_list bl on bl.id = m.list_id;

-- Three distinct units per item: LEAD, RESPONSIBLE, SUPPORTING.
insert into responsibility_assignment (responsibility_id, unit_id, role)
select bi.id, bu.id, (array ['LEAD', 'RESPONSIBLE', 'SUPPORTING'])[r]
from bench_item bi
cross join generate_series(1, 3) r
join bench_unit bu on bu.n = (bi.n * 3 + r * 331) % (1000 * :scale) + 1
order by bi.id, r;

-- A progress report from the LEAD unit on every third item; half of them complete it.
insert into progress_report (responsibility_id, unit_id, reported_on, summary, completed, filed_by_office,
                             counts_as_completion, reported_by)
select bi.id, a.unit_id, date '2026-11-30' - (bi.n % 500),
       '已召开专题会议部署第' || bi.n || '项工作，完成阶段性排查整治，问题已全部登记销号。',
       bi.n % 2 = 0, false, bi.n % 2 = 0, 'bench'
from bench_item bi join responsibility_assignment a on a.responsibility_id = bi.id and a.role = 'LEAD'
where bi.n % 3 = 0
order by bi.id;

-- Plans of the zone with ten indicators each, covering every comparator the service evaluates,
-- and yearly observations 2020-2025 (some missing, so that NO_DATA occurs too).
create temporary table bench_plan (n int primary key, id bigint not null);

with made as (
    insert into plan (title, kind, period_start, period_end, issuer_id, region_code)
    select '广元经开区安全生产专项规划（第' || n || '号）', (array ['FIVE_YEAR', 'ANNUAL', 'THREE_YEAR_ACTION'])[n % 3 + 1],
           date '2021-01-01', date '2025-12-31',
           (select id from bench_unit where bench_unit.n = (p.n * 11) % (1000 * :scale) + 1), '510871'
    from generate_series(1, 50 * :scale) p(n)
    returning id, title)
insert into bench_plan select substring(title from '第([0-9]+)号')::int, id from made;

insert into indicator (plan_id, sequence, category, name, unit_of_measure, comparator, target_value, baseline_period,
                       average_years, nature)
select bp.id, s,
       case when s <= 5 then '安全生产' else '自然灾害' end,
       (array ['亿元国内生产总值生产安全事故死亡率', '工矿商贸就业人员十万人生产安全事故死亡率', '重点行业企业安全生产标准化达标率',
               '乡镇（街道）应急管理专职人员配备率', '生产安全事故死亡人数', '年均因自然灾害直接经济损失占国内生产总值的比例',
               '应急救援队伍建队率', '灾害信息员覆盖率', '城乡社区应急避难场所数', '较大以上生产安全事故起数'])[s],
       (array ['人/亿元', '人/十万人', '%', '%', '人', '%', '%', '%', '个', '起'])[s],
       (array ['LT', 'LE', 'GE', 'GT', 'DECREASE_BY_PERCENT', 'LE', 'INCREASE_BY_PERCENT', 'GE', 'EQ', 'LT'])[s],
       (array [0.01, 1.5, 95, 90, 10, 1, 5, 100, 12, 1])[s],
       case when s in (5, 7) then '2020' end,
       case when s = 6 then 3 end,
       case when s % 2 = 1 then 'BINDING' else 'EXPECTED' end
from bench_plan bp, generate_series(1, 10) s
order by bp.id, s;

insert into observation (indicator_id, period, period_kind, period_start, period_end, value, reported_by_unit_id, recorded_at)
select i.id, y::text, 'YEAR', make_date(y, 1, 1), make_date(y, 12, 31),
       round((i.target_value * (0.8 + ((i.id * 7 + y) % 5) * 0.1))::numeric, 2)::double precision,
       p.issuer_id, timestamptz '2026-01-20 09:00:00+08' + (y - 2020) * interval '1 day'
from indicator i join plan p on p.id = i.plan_id join bench_plan bp on bp.id = p.id,
     generate_series(2020, 2025) y
-- every fourth plan lacks 2023 (averages over 3 years need it), indicator 10 has no data at all
where not (bp.n % 4 = 0 and y = 2023) and i.sequence <> 10
order by i.id, y;

commit;
analyze;
