-- The risk-rule library (风险地雷库): declarative rules in four minefields (雷区), each a JSON
-- condition over complaint events and the complaint's history (see io.tousu.quality.domain.RiskCondition).
-- Managed through /api/v1/risk-rules; a change raises the version, which every hit records.
create table risk_rules (
    id          uuid         primary key,
    code        varchar(60)  not null unique,
    version     int          not null,
    name        varchar(200) not null,
    minefield   varchar(30)  not null,
    severity    varchar(10)  not null,
    description text,
    event_types text         not null,
    condition   text         not null,
    enabled     boolean      not null,
    created_at  timestamptz  not null,
    updated_at  timestamptz  not null,
    updated_by  varchar(64)  not null
);

-- A rule hit by one event of a complaint, with its evidence (matched values, phone numbers masked).
-- One hit per rule, complaint and event, however often the event is replayed.
create table risk_hits (
    id           uuid         primary key,
    rule_id      uuid         not null references risk_rules (id),
    rule_code    varchar(60)  not null,
    rule_version int          not null,
    minefield    varchar(30)  not null,
    severity     varchar(10)  not null,
    complaint_id uuid         not null,
    event_id     uuid         not null,
    event_type   varchar(40)  not null,
    province     varchar(8)   not null,
    ticket_no    varchar(32),
    agent_id     varchar(64),
    team_id      varchar(64),
    evidence     text         not null,
    occurred_at  timestamptz  not null,
    hit_month    varchar(7)   not null,
    recorded_at  timestamptz  not null,
    unique (rule_id, complaint_id, event_id)
);
create index risk_hits_province_month on risk_hits (province, hit_month, occurred_at);
create index risk_hits_complaint on risk_hits (complaint_id);

-- One row per complaint, kept from its history: who handled it and in which month it was finished
-- (resolved or closed). Audits sample from it; flags count per agent and team from it.
create table complaint_facts (
    complaint_id   uuid        primary key,
    province       varchar(8)  not null,
    ticket_no      varchar(32),
    channel        varchar(20),
    category       varchar(40),
    agent_id       varchar(64),
    team_id        varchar(64),
    received_at    timestamptz,
    finished_at    timestamptz,
    finished_month varchar(7)
);
create index complaint_facts_month on complaint_facts (province, finished_month);

-- Audits (稽查): a reproducible sample of a month's finished tickets checked against a rule set.
create table audits (
    id          uuid        primary key,
    province    varchar(8)  not null,
    month       varchar(7)  not null,
    rule_codes  text        not null default '',
    minefields  text        not null default '',
    sample_size int         not null,
    seed        bigint      not null,
    audited     int         not null,
    hits        int         not null,
    created_by  varchar(64) not null,
    created_at  timestamptz not null
);
create index audits_province on audits (province, created_at);

-- One audited ticket: HIT when it has a hit of a rule of the audit's set, else CLEAN.
create table audit_items (
    audit_id     uuid        not null references audits (id),
    complaint_id uuid        not null,
    ticket_no    varchar(32),
    agent_id     varchar(64),
    team_id      varchar(64),
    outcome      varchar(8)  not null,
    rule_codes   text        not null default '',
    primary key (audit_id, complaint_id)
);

-- The seeded library: rules drawn from DOMAIN.md and the source articles (三强 red lines, authority,
-- personal data, hand-offs and promises). Ids are derived from the codes so that every province's
-- copy has the same ones. The JSON array below (dollar-quoted with the tag "seed") is also read by
-- RuleBookTest and the rule benchmark: keep it a plain JSON array.
insert into risk_rules (id, code, version, name, minefield, severity, description, event_types, condition,
                        enabled, created_at, updated_at, updated_by)
select md5(r ->> 'code')::uuid, r ->> 'code', 1, r ->> 'name', r ->> 'minefield', r ->> 'severity',
       r ->> 'description',
       (select string_agg(t, ',') from jsonb_array_elements_text(r -> 'eventTypes') t),
       (r -> 'condition')::text, true, now(), now(), 'SEED'
from jsonb_array_elements($seed$[
  {"code": "OV_COMPENSATION_ABOVE_AUTHORITY", "minefield": "OPERATIONAL_VIOLATION", "severity": "HIGH",
   "name": "Compensation above the agent's authority without approval (越权赔付)",
   "description": "A resolution granted more than an agent's limit (100 yuan) and no one with a higher limit approved it.",
   "eventTypes": ["ComplaintResolved", "ComplaintClosed"],
   "condition": {"history": "COMPENSATION_ABOVE_AUTHORITY", "limit": 100}},
  {"code": "OV_COMPENSATION_ABOVE_SUPERVISOR_LIMIT", "minefield": "OPERATIONAL_VIOLATION", "severity": "CRITICAL",
   "name": "Compensation above a supervisor's limit",
   "description": "More than 2000 yuan granted at resolution: above every limit short of an administrator's.",
   "eventTypes": ["ComplaintResolved"],
   "condition": {"field": "compensationAmount", "op": "gt", "value": 2000}},
  {"code": "OV_SWAP_WITHOUT_SYSTEM_CHECK", "minefield": "OPERATIONAL_VIOLATION", "severity": "MEDIUM",
   "name": "Customer pushed to swap phone or SIM without a system check (无故让客户换机换卡)",
   "description": "A note or the resolution tells the customer to change handset or SIM, and no earlier note records a system query.",
   "eventTypes": ["NoteAdded", "ComplaintResolved"],
   "condition": {"all": [
     {"any": [
       {"field": "text", "op": "regex", "value": "(?i)(换机|换卡|换手机|补卡|swap(ping)? (the |your )?(phone|handset|sim)|(replace|change) (the |your )?(phone|handset|sim))"},
       {"field": "summary", "op": "regex", "value": "(?i)(换机|换卡|换手机|补卡|swap(ping)? (the |your )?(phone|handset|sim)|(replace|change) (the |your )?(phone|handset|sim))"}]},
     {"not": {"history": "EARLIER_EVENT", "events": ["NoteAdded"],
              "where": {"field": "text", "op": "regex", "value": "(?i)(系统查询|已查询|查询系统|system (check|query)|checked (in )?the system|queried)"}}}]}},
  {"code": "OV_RESOLVED_WITHOUT_CONTACT", "minefield": "OPERATIONAL_VIOLATION", "severity": "MEDIUM",
   "name": "Resolved without ever working it with the customer",
   "description": "Resolved with no earlier start of work, customer wait or promise: the loop closed on paper only.",
   "eventTypes": ["ComplaintResolved"],
   "condition": {"not": {"any": [
     {"history": "EARLIER_EVENT", "events": ["ComplaintStatusChanged"],
      "where": {"field": "toStatus", "op": "in", "value": ["IN_PROGRESS", "PENDING_CUSTOMER", "PENDING_BACK_OFFICE"]}},
     {"history": "EARLIER_EVENT", "events": ["PromiseMade", "ComplaintHandedOff"]}]}}},
  {"code": "IS_FULL_PHONE_IN_NOTE", "minefield": "INFORMATION_SECURITY", "severity": "HIGH",
   "name": "A full 11-digit phone number in an internal note",
   "description": "Phone numbers are stored once in intake and masked everywhere else (138****5678).",
   "eventTypes": ["NoteAdded"],
   "condition": {"field": "text", "op": "regex", "value": "(?<!\\d)1[3-9]\\d{9}(?!\\d)"}},
  {"code": "IS_FULL_PHONE_IN_SUMMARY", "minefield": "INFORMATION_SECURITY", "severity": "HIGH",
   "name": "A full 11-digit phone number in a resolution summary or hand-off reason",
   "description": "Summaries and hand-off reasons travel in events and reports; they must not carry a full number.",
   "eventTypes": ["ComplaintResolved", "ComplaintHandedOff"],
   "condition": {"any": [
     {"field": "summary", "op": "regex", "value": "(?<!\\d)1[3-9]\\d{9}(?!\\d)"},
     {"field": "reason", "op": "regex", "value": "(?<!\\d)1[3-9]\\d{9}(?!\\d)"}]}},
  {"code": "IS_ID_NUMBER_IN_TEXT", "minefield": "INFORMATION_SECURITY", "severity": "HIGH",
   "name": "A resident ID number in a note or summary",
   "description": "An 18-character resident identity number written into the ticket.",
   "eventTypes": ["NoteAdded", "ComplaintResolved"],
   "condition": {"any": [
     {"field": "text", "op": "regex", "value": "(?<!\\d)\\d{17}[\\dXx](?![\\dXx])"},
     {"field": "summary", "op": "regex", "value": "(?<!\\d)\\d{17}[\\dXx](?![\\dXx])"}]}},
  {"code": "IS_PASSWORD_IN_NOTE", "minefield": "INFORMATION_SECURITY", "severity": "CRITICAL",
   "name": "The customer's service password written into a note",
   "description": "Identity is verified, never recorded.",
   "eventTypes": ["NoteAdded"],
   "condition": {"field": "text", "op": "regex", "value": "(?i)(服务密码|密码|password|pin)\\s*(is|是|为|:|：)?\\s*\\d{4,8}"}},
  {"code": "RL_FORCED_PRACTICE_SUBSTANTIATED", "minefield": "SERVICE_RED_LINE", "severity": "CRITICAL",
   "name": "Forced subscription, bundling or consumption substantiated against staff (三强)",
   "description": "The three forced practices are a red line with zero tolerance.",
   "eventTypes": ["ComplaintResolved"],
   "condition": {"all": [
     {"field": "substantiated", "op": "eq", "value": true},
     {"field": "responsibility", "op": "eq", "value": "STAFF"},
     {"any": [
       {"field": "complaint.subcategory", "op": "in", "value": ["FORCED_SUBSCRIPTION", "FORCED_BUNDLING", "FORCED_CONSUMPTION"]},
       {"field": "complaint.category", "op": "eq", "value": "MARKETING_VIOLATION"}]}]}},
  {"code": "RL_UNORDERED_SERVICE_CHARGED", "minefield": "SERVICE_RED_LINE", "severity": "HIGH",
   "name": "A value-added service charged without an order, substantiated",
   "description": "未订购扣费: the customer was charged for an SP service never ordered.",
   "eventTypes": ["ComplaintResolved"],
   "condition": {"all": [
     {"field": "substantiated", "op": "eq", "value": true},
     {"field": "complaint.subcategory", "op": "eq", "value": "UNORDERED_SERVICE"}]}},
  {"code": "RL_STAFF_COMPLAINT_SUBSTANTIATED", "minefield": "SERVICE_RED_LINE", "severity": "HIGH",
   "name": "A staff-attitude complaint substantiated (人员投诉成立)",
   "description": "Counted in the monthly key-indicator table; the agent is coached.",
   "eventTypes": ["ComplaintResolved"],
   "condition": {"all": [
     {"field": "substantiated", "op": "eq", "value": true},
     {"field": "responsibility", "op": "eq", "value": "STAFF"},
     {"field": "complaint.category", "op": "eq", "value": "STAFF_ATTITUDE"}]}},
  {"code": "RL_REGULATOR_APPEAL_AFTER_LOCAL_HANDLING", "minefield": "SERVICE_RED_LINE", "severity": "HIGH",
   "name": "Regulator appeal of a complaint already handled locally (越级申诉)",
   "description": "80% of regulator appeals had been handled locally, unsatisfactorily.",
   "eventTypes": ["ComplaintReceived"],
   "condition": {"all": [
     {"field": "channel", "op": "eq", "value": "REGULATOR"},
     {"field": "repeatOf", "op": "exists", "value": true}]}},
  {"code": "PE_BACK_OFFICE_HAND_OFF_UNANSWERED", "minefield": "PROCESS_ERROR", "severity": "HIGH",
   "name": "Back-office hand-off unanswered past its deadline (后台超时未回复)",
   "description": "A hand-off to the back office not handed back or resolved within 24 hours.",
   "eventTypes": ["PromiseBroken", "SlaBreached", "ComplaintEscalated", "ComplaintUrged", "ComplaintResolved"],
   "condition": {"history": "BACK_OFFICE_HAND_OFF_UNANSWERED", "within": "PT24H"}},
  {"code": "PE_PROMISE_BROKEN", "minefield": "PROCESS_ERROR", "severity": "MEDIUM",
   "name": "A promise to the customer broken",
   "description": "A promised call-back or progress notice passed its due time unkept.",
   "eventTypes": ["PromiseBroken"],
   "condition": {"field": "promiseId", "op": "exists", "value": true}},
  {"code": "PE_FIRST_CONTACT_LATE", "minefield": "PROCESS_ERROR", "severity": "LOW",
   "name": "First contact with the customer later than 2 hours",
   "description": "Checked at resolution: no start of work, promise or resolution within 2 hours of receipt.",
   "eventTypes": ["ComplaintResolved"],
   "condition": {"history": "FIRST_CONTACT_LATE", "within": "PT2H"}},
  {"code": "PE_CLOSED_WITHOUT_FOLLOW_UP", "minefield": "PROCESS_ERROR", "severity": "MEDIUM",
   "name": "Closed without a follow-up visit (未回访闭环)",
   "description": "The loop is closed only after the customer answered the follow-up.",
   "eventTypes": ["ComplaintClosed"],
   "condition": {"not": {"history": "EARLIER_EVENT", "events": ["ComplaintFollowedUp"]}}},
  {"code": "PE_REOPENED_AGAIN", "minefield": "PROCESS_ERROR", "severity": "MEDIUM",
   "name": "Reopened a second time",
   "description": "The customer was unsatisfied twice: the fix did not hold.",
   "eventTypes": ["ComplaintReopened"],
   "condition": {"field": "reopenCount", "op": "gte", "value": 2}}
]$seed$::jsonb) r;
