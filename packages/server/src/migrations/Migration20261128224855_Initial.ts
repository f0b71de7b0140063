import { Migration } from '@mikro-orm/migrations';

export class Migration20261128224855_Initial extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "county_year_statistics" ("id" serial primary key, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "year" smallint not null, "population" int not null, "motor_vehicles" int not null, "gdp_cny" double precision not null);`);
    this.addSql(`alter table "county_year_statistics" add constraint "county_year_statistics_year_unique" unique ("year");`);

    this.addSql(`create table "department" ("id" serial primary key, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "code" varchar(20) not null, "name" varchar(60) not null, "sectors" text[] not null);`);
    this.addSql(`alter table "department" add constraint "department_code_unique" unique ("code");`);

    this.addSql(`create table "township" ("id" serial primary key, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "code" varchar(12) not null, "name" varchar(40) not null, "population" int null, "area_km2" double precision null, "boundary" jsonb null, "center_lng" double precision null, "center_lat" double precision null, "safe_community_status" text check ("safe_community_status" in ('NOT_STARTED', 'IN_PROGRESS', 'ACHIEVED')) not null default 'NOT_STARTED', "safe_community_year" smallint null);`);
    this.addSql(`alter table "township" add constraint "township_code_unique" unique ("code");`);
    this.addSql(`create index "township_safe_community_status_index" on "township" ("safe_community_status");`);

    this.addSql(`create table "supervisory_capacity" ("id" serial primary key, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "year" smallint not null, "township_id" int null, "department_id" int null, "institution_established" boolean not null, "staff_required" int not null, "staff_actual" int not null, "certified_enforcement_staff" int not null default 0, "has_office" boolean not null default false, "vehicles" int not null default 0, constraint supervisory_capacity_counts_check check (staff_required >= 0 and staff_actual >= 0 and certified_enforcement_staff >= 0 and vehicles >= 0), constraint supervisory_capacity_owner_check check ((township_id is null) <> (department_id is null)));`);
    this.addSql(`create unique index supervisory_capacity_owner_year_unique on supervisory_capacity (year, coalesce(township_id, 0), coalesce(department_id, 0));`);

    this.addSql(`create table "supervision_task" ("id" serial primary key, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "title" varchar(160) not null, "township_id" int null, "department_id" int null, "assigned_on" date not null, "due_on" date not null, "completed_on" date null);`);
    this.addSql(`create index "supervision_task_township_id_index" on "supervision_task" ("township_id");`);
    this.addSql(`create index "supervision_task_department_id_index" on "supervision_task" ("department_id");`);

    this.addSql(`create table "outreach_activity" ("id" serial primary key, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "title" varchar(120) not null, "place" text check ("place" in ('AGENCIES', 'VILLAGES', 'COMMUNITIES', 'ENTERPRISES', 'SCHOOLS', 'UNITS')) not null, "township_id" int not null, "held_on" date not null, "participants" int not null);`);
    this.addSql(`create index "outreach_activity_township_id_index" on "outreach_activity" ("township_id");`);
    this.addSql(`create index "outreach_activity_held_on_index" on "outreach_activity" ("held_on");`);

    this.addSql(`create table "enterprise" ("id" serial primary key, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "name" varchar(120) not null, "credit_code" varchar(18) not null, "sector" text check ("sector" in ('ROAD_TRAFFIC', 'WATER_TRAFFIC', 'FIRE', 'CONSTRUCTION', 'MINING', 'HAZARDOUS_CHEMICALS', 'FIREWORKS', 'SPECIAL_EQUIPMENT', 'INDUSTRY_TRADE', 'AGRICULTURAL_MACHINERY', 'OTHER')) not null, "township_id" int not null, "above_designated_size" boolean not null default false, "standardization_grade" text check ("standardization_grade" in ('LEVEL_1', 'LEVEL_2', 'LEVEL_3', 'NONE')) not null default 'NONE', "employees" int null, "address" varchar(200) null);`);
    this.addSql(`alter table "enterprise" add constraint "enterprise_credit_code_unique" unique ("credit_code");`);
    this.addSql(`create index "enterprise_sector_index" on "enterprise" ("sector");`);
    this.addSql(`create index "enterprise_township_id_index" on "enterprise" ("township_id");`);

    this.addSql(`create table "rescue_team" ("id" serial primary key, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "name" varchar(120) not null, "level" text check ("level" in ('COUNTY', 'TOWNSHIP', 'DEPARTMENT', 'ENTERPRISE')) not null, "township_id" int null, "department_id" int null, "enterprise_id" int null, "members" int not null, "established_year" smallint null);`);

    this.addSql(`create table "project_review" ("id" serial primary key, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "project_name" varchar(160) not null, "enterprise_id" int not null, "design_reviewed_on" date null, "construction_accepted_on" date null, "commissioned_on" date null);`);
    this.addSql(`create index "project_review_enterprise_id_index" on "project_review" ("enterprise_id");`);

    this.addSql(`create table "inspection" ("id" serial primary key, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "inspected_on" date not null, "joint" boolean not null default false, "campaign" text check ("campaign" in ('ROUTINE', 'SIX_CRACKDOWNS', 'SPECIAL', 'HOLIDAY')) not null, "holiday_period" text check ("holiday_period" in ('NEW_YEAR', 'SPRING_FESTIVAL', 'QINGMING', 'LABOUR_DAY', 'DRAGON_BOAT', 'MID_AUTUMN', 'NATIONAL_DAY')) null, "enterprise_id" int null, "township_id" int not null, "penalty_cny" double precision not null default 0, "notes" text null);`);
    this.addSql(`create index "inspection_enterprise_id_index" on "inspection" ("enterprise_id");`);
    this.addSql(`create index "inspection_township_id_index" on "inspection" ("township_id");`);
    this.addSql(`create index "inspection_inspected_on_index" on "inspection" ("inspected_on");`);

    this.addSql(`create table "inspection_departments" ("inspection_id" int not null, "department_id" int not null, constraint "inspection_departments_pkey" primary key ("inspection_id", "department_id"));`);

    this.addSql(`create table "hazard" ("id" serial primary key, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "enterprise_id" int null, "township_id" int not null, "inspection_id" int null, "found_on" date not null, "level" text check ("level" in ('GENERAL', 'MAJOR')) not null, "category" text check ("category" in ('EQUIPMENT', 'ELECTRICAL', 'FIRE_PROTECTION', 'SITE', 'MANAGEMENT', 'PERSONNEL', 'OCCUPATIONAL_HEALTH', 'OTHER')) not null, "description" text not null, "deadline" date not null, "rectified_on" date null, "verified_on" date null, "status" text check ("status" in ('FOUND', 'RECTIFYING', 'RECTIFIED', 'VERIFIED')) not null, "investment_cny" double precision not null default 0);`);
    this.addSql(`create index "hazard_enterprise_id_index" on "hazard" ("enterprise_id");`);
    this.addSql(`create index "hazard_inspection_id_index" on "hazard" ("inspection_id");`);
    this.addSql(`create index "hazard_township_id_found_on_index" on "hazard" ("township_id", "found_on");`);
    this.addSql(`create index "hazard_found_on_index" on "hazard" ("found_on");`);

    this.addSql(`create table "emergency_plan" ("id" serial primary key, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "title" varchar(160) not null, "township_id" int null, "department_id" int null, "enterprise_id" int null, "last_revised_on" date not null, "revision_cycle_years" smallint not null default 3);`);

    this.addSql(`create table "drill" ("id" serial primary key, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "title" varchar(160) not null, "plan_id" int null, "township_id" int null, "held_on" date not null, "participants" int not null);`);
    this.addSql(`create index "drill_plan_id_index" on "drill" ("plan_id");`);
    this.addSql(`create index "drill_held_on_index" on "drill" ("held_on");`);

    this.addSql(`create table "accident" ("id" serial primary key, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "occurred_at" timestamptz not null, "township_id" int not null, "sector" text check ("sector" in ('ROAD_TRAFFIC', 'WATER_TRAFFIC', 'FIRE', 'CONSTRUCTION', 'MINING', 'HAZARDOUS_CHEMICALS', 'FIREWORKS', 'SPECIAL_EQUIPMENT', 'INDUSTRY_TRADE', 'AGRICULTURAL_MACHINERY', 'OTHER')) not null, "enterprise_id" int null, "place" varchar(200) null, "lng" double precision null, "lat" double precision null, "deaths" int not null default 0, "missing" int not null default 0, "injuries" int not null default 0, "serious_injuries" int not null default 0, "direct_loss_cny" double precision not null default 0, "severity" text check ("severity" in ('GENERAL', 'LARGER', 'MAJOR', 'ESPECIALLY_MAJOR')) not null, "summary" text null, "cause" text null, "road_name" varchar(80) null, "road_class" text check ("road_class" in ('EXPRESSWAY', 'NATIONAL', 'PROVINCIAL', 'COUNTY', 'TOWNSHIP', 'VILLAGE', 'URBAN')) null, "vehicle_types" text[] null default '{}', "traffic_cause" text check ("traffic_cause" in ('SPEEDING', 'DRINK_DRIVING', 'FATIGUE', 'UNLICENSED', 'OVERLOADING', 'ILLEGAL_OVERTAKING', 'FAILURE_TO_YIELD', 'WRONG_WAY', 'OTHER')) null, "weather" text check ("weather" in ('CLEAR', 'CLOUDY', 'RAIN', 'FOG', 'TYPHOON', 'OTHER')) null, "light" text check ("light" in ('DAYLIGHT', 'DAWN_DUSK', 'DARK_LIT', 'DARK_UNLIT')) null, constraint accident_counts_check check (deaths >= 0 and missing >= 0 and serious_injuries >= 0 and injuries >= serious_injuries and direct_loss_cny >= 0));`);
    this.addSql(`create index "accident_township_id_index" on "accident" ("township_id");`);
    this.addSql(`create index "accident_enterprise_id_index" on "accident" ("enterprise_id");`);
    this.addSql(`create index "accident_severity_index" on "accident" ("severity");`);
    this.addSql(`create index "accident_sector_occurred_at_index" on "accident" ("sector", "occurred_at");`);
    this.addSql(`create index "accident_occurred_at_index" on "accident" ("occurred_at");`);

    this.addSql(`create table "investigation" ("id" serial primary key, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "accident_id" int not null, "opened_on" date not null, "closed_on" date null, "cause_identified" boolean not null default false, "responsible_dealt_with" boolean not null default false, "people_educated" boolean not null default false, "measures_implemented" boolean not null default false, "people_held_accountable" int not null default 0);`);
    this.addSql(`alter table "investigation" add constraint "investigation_accident_id_unique" unique ("accident_id");`);

    this.addSql(`create table "training_session" ("id" serial primary key, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "title" varchar(120) not null, "kind" text check ("kind" in ('PRINCIPALS', 'SAFETY_MANAGERS', 'SPECIAL_OPERATIONS', 'GENERAL')) not null, "starts_on" date not null, "ends_on" date not null, "organizer_id" int null, "trainees" int not null, "certified" int not null default 0);`);
    this.addSql(`create index "training_session_starts_on_index" on "training_session" ("starts_on");`);

    this.addSql(`create table "work_plan_item" ("id" serial primary key, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "year" smallint not null, "number" smallint not null, "title" varchar(160) not null, "details" text null, "measure" text check ("measure" in ('LAW_OUTREACH_ACTIVITIES', 'LAW_OUTREACH_PLACE_KINDS', 'INSPECTIONS', 'PROJECT_REVIEWS', 'TRAINING_SESSIONS', 'SAFE_COMMUNITY_TOWNSHIPS', 'STANDARDIZED_ENTERPRISES', 'CERTIFIED_ENFORCEMENT_STAFF', 'EMERGENCY_DRILLS', 'INVESTIGATIONS_CLOSED_SHARE')) not null, "target_value" double precision not null);`);
    this.addSql(`alter table "work_plan_item" add constraint "work_plan_item_year_number_unique" unique ("year", "number");`);

    this.addSql(`alter table "supervisory_capacity" add constraint "supervisory_capacity_township_id_foreign" foreign key ("township_id") references "township" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "supervisory_capacity" add constraint "supervisory_capacity_department_id_foreign" foreign key ("department_id") references "department" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "supervision_task" add constraint "supervision_task_township_id_foreign" foreign key ("township_id") references "township" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "supervision_task" add constraint "supervision_task_department_id_foreign" foreign key ("department_id") references "department" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "outreach_activity" add constraint "outreach_activity_township_id_foreign" foreign key ("township_id") references "township" ("id") on update cascade;`);

    this.addSql(`alter table "enterprise" add constraint "enterprise_township_id_foreign" foreign key ("township_id") references "township" ("id") on update cascade;`);

    this.addSql(`alter table "rescue_team" add constraint "rescue_team_township_id_foreign" foreign key ("township_id") references "township" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "rescue_team" add constraint "rescue_team_department_id_foreign" foreign key ("department_id") references "department" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "rescue_team" add constraint "rescue_team_enterprise_id_foreign" foreign key ("enterprise_id") references "enterprise" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "project_review" add constraint "project_review_enterprise_id_foreign" foreign key ("enterprise_id") references "enterprise" ("id") on update cascade;`);

    this.addSql(`alter table "inspection" add constraint "inspection_enterprise_id_foreign" foreign key ("enterprise_id") references "enterprise" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "inspection" add constraint "inspection_township_id_foreign" foreign key ("township_id") references "township" ("id") on update cascade;`);

    this.addSql(`alter table "inspection_departments" add constraint "inspection_departments_inspection_id_foreign" foreign key ("inspection_id") references "inspection" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "inspection_departments" add constraint "inspection_departments_department_id_foreign" foreign key ("department_id") references "department" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "hazard" add constraint "hazard_enterprise_id_foreign" foreign key ("enterprise_id") references "enterprise" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "hazard" add constraint "hazard_township_id_foreign" foreign key ("township_id") references "township" ("id") on update cascade;`);
    this.addSql(`alter table "hazard" add constraint "hazard_inspection_id_foreign" foreign key ("inspection_id") references "inspection" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "emergency_plan" add constraint "emergency_plan_township_id_foreign" foreign key ("township_id") references "township" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "emergency_plan" add constraint "emergency_plan_department_id_foreign" foreign key ("department_id") references "department" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "emergency_plan" add constraint "emergency_plan_enterprise_id_foreign" foreign key ("enterprise_id") references "enterprise" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "drill" add constraint "drill_plan_id_foreign" foreign key ("plan_id") references "emergency_plan" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "drill" add constraint "drill_township_id_foreign" foreign key ("township_id") references "township" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "accident" add constraint "accident_township_id_foreign" foreign key ("township_id") references "township" ("id") on update cascade;`);
    this.addSql(`alter table "accident" add constraint "accident_enterprise_id_foreign" foreign key ("enterprise_id") references "enterprise" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "investigation" add constraint "investigation_accident_id_foreign" foreign key ("accident_id") references "accident" ("id") on update cascade;`);

    this.addSql(`alter table "training_session" add constraint "training_session_organizer_id_foreign" foreign key ("organizer_id") references "department" ("id") on update cascade on delete set null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "supervisory_capacity" drop constraint "supervisory_capacity_department_id_foreign";`);

    this.addSql(`alter table "supervision_task" drop constraint "supervision_task_department_id_foreign";`);

    this.addSql(`alter table "rescue_team" drop constraint "rescue_team_department_id_foreign";`);

    this.addSql(`alter table "inspection_departments" drop constraint "inspection_departments_department_id_foreign";`);

    this.addSql(`alter table "emergency_plan" drop constraint "emergency_plan_department_id_foreign";`);

    this.addSql(`alter table "training_session" drop constraint "training_session_organizer_id_foreign";`);

    this.addSql(`alter table "supervisory_capacity" drop constraint "supervisory_capacity_township_id_foreign";`);

    this.addSql(`alter table "supervision_task" drop constraint "supervision_task_township_id_foreign";`);

    this.addSql(`alter table "outreach_activity" drop constraint "outreach_activity_township_id_foreign";`);

    this.addSql(`alter table "enterprise" drop constraint "enterprise_township_id_foreign";`);

    this.addSql(`alter table "rescue_team" drop constraint "rescue_team_township_id_foreign";`);

    this.addSql(`alter table "inspection" drop constraint "inspection_township_id_foreign";`);

    this.addSql(`alter table "hazard" drop constraint "hazard_township_id_foreign";`);

    this.addSql(`alter table "emergency_plan" drop constraint "emergency_plan_township_id_foreign";`);

    this.addSql(`alter table "drill" drop constraint "drill_township_id_foreign";`);

    this.addSql(`alter table "accident" drop constraint "accident_township_id_foreign";`);

    this.addSql(`alter table "rescue_team" drop constraint "rescue_team_enterprise_id_foreign";`);

    this.addSql(`alter table "project_review" drop constraint "project_review_enterprise_id_foreign";`);

    this.addSql(`alter table "inspection" drop constraint "inspection_enterprise_id_foreign";`);

    this.addSql(`alter table "hazard" drop constraint "hazard_enterprise_id_foreign";`);

    this.addSql(`alter table "emergency_plan" drop constraint "emergency_plan_enterprise_id_foreign";`);

    this.addSql(`alter table "accident" drop constraint "accident_enterprise_id_foreign";`);

    this.addSql(`alter table "inspection_departments" drop constraint "inspection_departments_inspection_id_foreign";`);

    this.addSql(`alter table "hazard" drop constraint "hazard_inspection_id_foreign";`);

    this.addSql(`alter table "drill" drop constraint "drill_plan_id_foreign";`);

    this.addSql(`alter table "investigation" drop constraint "investigation_accident_id_foreign";`);

    this.addSql(`drop table if exists "county_year_statistics" cascade;`);

    this.addSql(`drop table if exists "department" cascade;`);

    this.addSql(`drop table if exists "township" cascade;`);

    this.addSql(`drop table if exists "supervisory_capacity" cascade;`);

    this.addSql(`drop table if exists "supervision_task" cascade;`);

    this.addSql(`drop table if exists "outreach_activity" cascade;`);

    this.addSql(`drop table if exists "enterprise" cascade;`);

    this.addSql(`drop table if exists "rescue_team" cascade;`);

    this.addSql(`drop table if exists "project_review" cascade;`);

    this.addSql(`drop table if exists "inspection" cascade;`);

    this.addSql(`drop table if exists "inspection_departments" cascade;`);

    this.addSql(`drop table if exists "hazard" cascade;`);

    this.addSql(`drop table if exists "emergency_plan" cascade;`);

    this.addSql(`drop table if exists "drill" cascade;`);

    this.addSql(`drop table if exists "accident" cascade;`);

    this.addSql(`drop table if exists "investigation" cascade;`);

    this.addSql(`drop table if exists "training_session" cascade;`);

    this.addSql(`drop table if exists "work_plan_item" cascade;`);
  }

}
